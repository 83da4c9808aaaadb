package bnfreeze.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Downloads of published files, verified against the MD5 their publisher gives before they are
 * moved into place; a file that fails verification never appears under its name.
 */
public final class Downloads {

    private Downloads() {}

    public static void fetch(String url, Path target, String publishedMd5, String whatElseToDo) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
            try {
                String md5 = download(url, temporary, whatElseToDo);
                if (!md5.equalsIgnoreCase(publishedMd5)) {
                    throw new DataFileException(target, "downloaded from " + url + " but its MD5 " + md5
                            + " differs from the published " + publishedMd5 + "; " + whatElseToDo);
                }
                AtomicFiles.move(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new DataFileException(target, "cannot write: " + e.getMessage());
        }
    }

    private static String download(String url, Path into, String whatElseToDo) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30)).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new DataFileException(into, "cannot download " + url + ": HTTP " + response.statusCode()
                        + "; " + whatElseToDo);
            }
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (InputStream in = new DigestInputStream(response.body(), md5)) {
                Files.copy(in, into, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (IOException e) {
            throw new DataFileException(Path.of(url), "cannot download (" + describe(e) + "); " + whatElseToDo);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFileException(Path.of(url), "download interrupted");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return "offline or unreachable: " + message.lines().findFirst().orElse(message);
    }
}
