package bnfreeze.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests of byte content. */
public final class Checksums {

    private Checksums() {}

    public static String sha256(byte[] content) {
        return digest("SHA-256", content);
    }

    public static String md5(byte[] content) {
        return digest("MD5", content);
    }

    private static String digest(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
