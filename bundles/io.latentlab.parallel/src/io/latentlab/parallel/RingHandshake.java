package io.latentlab.parallel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof, on a new connection between two processes of the ring, that both hold the job's secret,
 * before any gradient byte is accepted: each side sends a fresh random challenge and checks the
 * other's HMAC-SHA256 of it (with the peer's rank). The secret itself never travels.
 */
final class RingHandshake {

    /** First bytes of every handshake and message: "LLRG". */
    static final int MAGIC = 0x4C4C5247;
    private static final int NONCE = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RingHandshake() {
    }

    /**
     * The accepting side.
     *
     * @return whether the peer proved the secret and is the expected rank (else the caller closes it)
     */
    static boolean accept(DataInputStream in, DataOutputStream out, byte[] secret, int ownRank, int expectedRank)
            throws IOException {
        byte[] challenge = nonce();
        out.writeInt(MAGIC);
        out.write(challenge);
        out.flush();
        if (in.readInt() != MAGIC) {
            return false;
        }
        int rank = in.readInt();
        byte[] theirs = new byte[NONCE];
        in.readFully(theirs);
        byte[] proof = new byte[NONCE];
        in.readFully(proof);
        if (rank != expectedRank || !MessageDigest.isEqual(proof, mac(secret, "client", challenge, rank))) {
            return false;
        }
        out.write(mac(secret, "server", theirs, ownRank));
        out.flush();
        return true;
    }

    /**
     * The connecting side.
     *
     * @throws IOException if the other side does not prove the secret (a stranger listening at a peer's address)
     */
    static void connect(DataInputStream in, DataOutputStream out, byte[] secret, int ownRank, int expectedRank,
            String peer) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(peer + " is not a Latentlab ring process");
        }
        byte[] challenge = new byte[NONCE];
        in.readFully(challenge);
        byte[] mine = nonce();
        out.writeInt(MAGIC);
        out.writeInt(ownRank);
        out.write(mine);
        out.write(mac(secret, "client", challenge, ownRank));
        out.flush();
        byte[] proof = new byte[NONCE];
        in.readFully(proof);
        if (!MessageDigest.isEqual(proof, mac(secret, "server", mine, expectedRank))) {
            throw new IOException(peer + " did not prove the job's secret: not rank " + expectedRank + " of this job");
        }
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    static byte[] mac(byte[] secret, String role, byte[] challenge, int rank) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(role.getBytes(StandardCharsets.US_ASCII));
            mac.update(challenge);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(rank).array());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
