package io.latentlab.parallel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.engine.GradientExchange;

/**
 * The gradient sum of a data-parallel run over TCP: the processes form a ring (each sends to the
 * next rank and receives from the previous one) and sum an array in two passes, reduce-scatter
 * then all-gather, so each process sends 2(N-1)/N of the array's bytes per sum whatever N is.
 * Every chunk is added up along the same path and then copied, so all processes end with the
 * same bits.
 * <p>
 * Only the job's processes join: a connection is used only after it proved the job's secret
 * ({@link RingHandshake}); a stranger's is closed and the ring keeps waiting for the real peer.
 * Every message carries the step, the sender's rank and the chunk, and a mismatch stops the step.
 */
public final class RingAllReduce implements GradientExchange, Closeable {

    private final int rank;
    private final int processes;
    private final Socket next;
    private final Socket previous;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final ExecutorService sender;
    private long nanos;
    private long bytesSent;
    private long sums;

    private RingAllReduce(int rank, int processes, Socket next, Socket previous) throws IOException {
        this.rank = rank;
        this.processes = processes;
        this.next = next;
        this.previous = previous;
        this.out = next == null ? null : new DataOutputStream(new BufferedOutputStream(next.getOutputStream(), 1 << 16));
        this.in = previous == null ? null : new DataInputStream(new BufferedInputStream(previous.getInputStream(), 1 << 16));
        this.sender = next == null ? null : Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "ring all-reduce sender, rank " + rank);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Joins the ring: connects to the next rank and accepts the previous one, each proving the
     * job's secret.
     *
     * @param rank this process's rank
     * @param peers every rank's listening address, in rank order (this one's included)
     * @param server this process's listening socket (bound before its address was shared)
     * @param secret the job's secret, the same in every process
     * @param timeout how long to wait for the peers, and then for any message: a lost process fails
     *        the step after this long
     * @return the joined ring
     * @throws IOException if the peers cannot be reached or do not prove the secret in time
     */
    public static RingAllReduce join(int rank, List<InetSocketAddress> peers, ServerSocket server, byte[] secret,
            Duration timeout) throws IOException {
        int processes = peers.size();
        if (rank < 0 || rank >= processes) {
            throw new IllegalArgumentException("rank " + rank + " of " + processes + " processes");
        }
        if (processes == 1) {
            return new RingAllReduce(0, 1, null, null);
        }
        int nextRank = (rank + 1) % processes;
        int previousRank = (rank + processes - 1) % processes;
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutorService acceptor = Executors.newSingleThreadExecutor();
        try {
            Future<Socket> accepted = acceptor.submit(() -> acceptPrevious(server, secret, rank, previousRank, deadline));
            Socket next = connectNext(peers.get(nextRank), secret, rank, nextRank, deadline);
            Socket previous;
            try {
                previous = accepted.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                next.close();
                throw new IOException("rank " + previousRank + " did not join rank " + rank + " within " + timeout);
            } catch (ExecutionException e) {
                next.close();
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                next.close();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while joining the ring");
            }
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            next.setSoTimeout(millis);
            previous.setSoTimeout(millis);
            return new RingAllReduce(rank, processes, next, previous);
        } finally {
            acceptor.shutdownNow();
        }
    }

    /** Accepts connections until one proves the secret as the previous rank; strangers are closed. */
    private static Socket acceptPrevious(ServerSocket server, byte[] secret, int rank, int previousRank, long deadline)
            throws IOException {
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("rank " + previousRank + " did not connect to rank " + rank);
            }
            server.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            Socket socket = server.accept();
            boolean proven = false;
            try {
                socket.setSoTimeout(HANDSHAKE_MILLISECONDS); // a silent stranger cannot hold the door
                socket.setTcpNoDelay(true);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                proven = RingHandshake.accept(in, out, secret, rank, previousRank);
            } catch (IOException e) {
                // a stranger or a broken connection: refused, keep waiting for the real peer
            }
            if (proven) {
                return socket;
            }
            socket.close();
        }
    }

    private static final int HANDSHAKE_MILLISECONDS = 10_000;

    private static Socket connectNext(InetSocketAddress address, byte[] secret, int rank, int nextRank, long deadline)
            throws IOException {
        IOException last = null;
        while (System.nanoTime() < deadline) {
            Socket socket = new Socket();
            try {
                socket.connect(address, HANDSHAKE_MILLISECONDS);
                socket.setSoTimeout(HANDSHAKE_MILLISECONDS);
                socket.setTcpNoDelay(true);
                RingHandshake.connect(new DataInputStream(socket.getInputStream()),
                        new DataOutputStream(socket.getOutputStream()), secret, rank, nextRank,
                        "rank " + nextRank + " at " + address);
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
                if (e.getMessage() != null && e.getMessage().contains("did not prove")) {
                    throw e; // someone else listens there: do not send it anything more
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while joining the ring");
                }
            }
        }
        throw new IOException("cannot reach rank " + nextRank + " at " + address + ": " + last);
    }

    @Override
    public int processes() {
        return processes;
    }

    @Override
    public int rank() {
        return rank;
    }

    /** @return time spent summing so far, in nanoseconds (network and additions) */
    public long nanos() {
        return nanos;
    }

    /** @return bytes this process sent so far */
    public long bytesSent() {
        return bytesSent;
    }

    /** @return sums done so far */
    public long sums() {
        return sums;
    }

    @Override
    public void sum(INDArray values, long step) throws IOException {
        if (processes == 1) {
            return;
        }
        long started = System.nanoTime();
        // the values' own native memory when they are one dense run of it (a network's flat gradients), else a copy
        boolean dense = values.offset() == 0 && values.length() == values.data().length() && values.elementWiseStride() == 1
                && (values.dataType() == DataType.FLOAT || values.dataType() == DataType.DOUBLE);
        INDArray work = dense ? values : values.castTo(values.dataType() == DataType.DOUBLE ? DataType.DOUBLE
                : DataType.FLOAT).dup();
        Values buffer = new Values(work.data().asNio().order(ByteOrder.nativeOrder()), work.dataType() == DataType.DOUBLE);
        int length = (int) work.length();
        // reduce-scatter: after N-1 steps this rank holds chunk (rank + 1) of the sum
        for (int s = 0; s < processes - 1; s++) {
            exchange(buffer, step, chunk(rank - s), chunk(rank - s - 1), length, true);
        }
        // all-gather: the summed chunks go round
        for (int s = 0; s < processes - 1; s++) {
            exchange(buffer, step, chunk(rank - s + 1), chunk(rank - s), length, false);
        }
        if (!dense) {
            values.assign(work.reshape(values.shape()));
        }
        sums++;
        nanos += System.nanoTime() - started;
    }

    private int chunk(int index) {
        return Math.floorMod(index, processes);
    }

    private int from(int chunk, int length) {
        return (int) ((long) chunk * length / processes);
    }

    /** Sends one chunk to the next rank while receiving another from the previous one. */
    private void exchange(Values buffer, long step, int send, int receive, int length, boolean add) throws IOException {
        int sendFrom = from(send, length);
        int sendCount = from(send + 1, length) - sendFrom;
        Future<?> sent = sender.submit(() -> {
            out.writeInt(RingHandshake.MAGIC);
            out.writeLong(step);
            out.writeInt(rank);
            out.writeInt(send);
            out.writeInt(sendCount);
            out.write(buffer.bytes(sendFrom, sendCount));
            out.flush();
            return null;
        });
        int receiveFrom = from(receive, length);
        int receiveCount = from(receive + 1, length) - receiveFrom;
        int previousRank = chunk(rank - 1);
        try {
            int magic = in.readInt();
            long theirStep = in.readLong();
            int theirRank = in.readInt();
            int theirChunk = in.readInt();
            int count = in.readInt();
            if (magic != RingHandshake.MAGIC || theirStep != step || theirRank != previousRank || theirChunk != receive
                    || count != receiveCount) {
                throw new IOException("rank " + rank + " expected step " + step + ", rank " + previousRank + ", chunk "
                        + receive + " of " + receiveCount + " values and received step " + theirStep + ", rank "
                        + theirRank + ", chunk " + theirChunk + " of " + count + ": the processes disagree");
            }
            byte[] bytes = new byte[count * buffer.size()];
            in.readFully(bytes);
            buffer.take(bytes, receiveFrom, count, add);
        } catch (SocketTimeoutException e) {
            throw new IOException("rank " + previousRank + " sent nothing for " + previous.getSoTimeout() / 1000
                    + " s at step " + step + ": it is lost or stopped", e);
        }
        try {
            sent.get();
            bytesSent += 24 + (long) sendCount * buffer.size();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted at step " + step);
        }
    }

    @Override
    public void close() throws IOException {
        if (sender != null) {
            sender.shutdownNow();
            next.close();
            previous.close();
        }
    }

    /**
     * The array being summed, in its native memory; on the wire little-endian floats or doubles.
     * Float sums stay float sums, as one process would add.
     */
    private record Values(ByteBuffer data, boolean doubles) {

        int size() {
            return doubles ? Double.BYTES : Float.BYTES;
        }

        byte[] bytes(int from, int count) {
            ByteBuffer wire = ByteBuffer.allocate(count * size()).order(ByteOrder.LITTLE_ENDIAN);
            if (doubles) {
                wire.asDoubleBuffer().put(data.asDoubleBuffer().limit(from + count).position(from));
            } else {
                wire.asFloatBuffer().put(data.asFloatBuffer().limit(from + count).position(from));
            }
            return wire.array();
        }

        void take(byte[] bytes, int from, int count, boolean add) {
            ByteBuffer wire = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (doubles) {
                DoubleBuffer received = wire.asDoubleBuffer();
                DoubleBuffer target = data.asDoubleBuffer();
                if (!add) {
                    target.position(from).put(received);
                    return;
                }
                for (int i = 0; i < count; i++) {
                    target.put(from + i, target.get(from + i) + received.get(i));
                }
            } else {
                FloatBuffer received = wire.asFloatBuffer();
                FloatBuffer target = data.asFloatBuffer();
                if (!add) {
                    target.position(from).put(received);
                    return;
                }
                for (int i = 0; i < count; i++) {
                    target.put(from + i, target.get(from + i) + received.get(i));
                }
            }
        }
    }
}
