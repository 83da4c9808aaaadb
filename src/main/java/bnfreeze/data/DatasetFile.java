package bnfreeze.data;

/**
 * One file of a published data set.
 *
 * @param name          file name as distributed
 * @param contentSha256 SHA-256 of the decompressed content: the data's identity, the same whichever
 *                      gzip packed it (Debian's package re-compresses the official archives)
 * @param contentBytes  size of the decompressed content
 * @param url           where the official copy is published
 * @param publishedMd5  the MD5 its publisher gives for the file at {@code url}
 */
public record DatasetFile(String name, String contentSha256, long contentBytes, String url, String publishedMd5) {}
