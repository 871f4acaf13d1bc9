package io.latentlab.parallel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the processes of a data-parallel run learn each other's addresses, through a folder: each
 * writes {@code address-RANK} ({@code host:port}), then waits for {@code peers} (one address per
 * line, in rank order: what a cluster task writes after its scheduler gathered every task's
 * address) or, when the folder is shared, for every rank's {@code address-*} file.
 */
public final class Rendezvous {

    /** The file a launcher writes with every rank's address. */
    public static final String PEERS = "peers";

    private Rendezvous() {
    }

    /** @return the file where a rank's address is published */
    public static Path addressFile(Path folder, int rank) {
        return folder.resolve("address-" + rank);
    }

    /**
     * @param folder the rendezvous folder
     * @param rank this process's rank
     * @param address where it listens
     * @throws IOException if the file cannot be written
     */
    public static void publish(Path folder, int rank, InetSocketAddress address) throws IOException {
        Files.createDirectories(folder);
        Path temporary = folder.resolve(".address-" + rank + ".tmp");
        Files.writeString(temporary, format(address) + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, addressFile(folder, rank), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return {@code host:port} */
    public static String format(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    /**
     * @param text {@code host:port}
     * @return the address
     * @throws IllegalArgumentException if it is not one
     */
    public static InetSocketAddress parse(String text) {
        int colon = text.strip().lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not host:port: " + text);
        }
        return new InetSocketAddress(text.strip().substring(0, colon), Integer.parseInt(text.strip().substring(colon + 1)));
    }

    /**
     * Waits for every rank's address.
     *
     * @param folder the rendezvous folder
     * @param processes how many ranks
     * @param timeout how long to wait
     * @return the addresses in rank order
     * @throws IOException if they are not all there in time, or {@code peers} does not list {@code processes}
     */
    public static List<InetSocketAddress> await(Path folder, int processes, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Path peers = folder.resolve(PEERS);
            if (Files.isRegularFile(peers)) {
                List<String> lines = Files.readAllLines(peers, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                        .toList();
                if (lines.size() != processes) {
                    throw new IOException(peers + " lists " + lines.size() + " addresses for " + processes + " processes");
                }
                return lines.stream().map(Rendezvous::parse).toList();
            }
            List<InetSocketAddress> published = new ArrayList<>();
            for (int rank = 0; rank < processes && Files.isRegularFile(addressFile(folder, rank)); rank++) {
                published.add(parse(Files.readString(addressFile(folder, rank), StandardCharsets.UTF_8)));
            }
            if (published.size() == processes) {
                return published;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("only " + published.size() + " of " + processes + " processes published their address"
                        + " in " + folder + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the other processes");
            }
        }
    }
}
