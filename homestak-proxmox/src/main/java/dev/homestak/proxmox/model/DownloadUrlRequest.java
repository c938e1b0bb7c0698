package dev.homestak.proxmox.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /nodes/{node}/storage/{storage}/download-url}. Pass a checksum so that a re-run finds
 * the file already there instead of failing with {@code refusing to override existing file}.
 *
 * @param url http(s) URL to fetch
 * @param filename target file name
 * @param content {@code iso}, {@code vztmpl} or {@code import}
 * @param checksum expected checksum
 * @param checksumAlgorithm {@code sha256}, {@code sha512}, ... (required with a checksum)
 * @param verifyCertificates verify the URL's TLS certificate (PVE default: yes)
 */
public record DownloadUrlRequest(
        String url,
        String filename,
        String content,
        Optional<String> checksum,
        Optional<String> checksumAlgorithm,
        Optional<Boolean> verifyCertificates) {

    /** Validates. */
    public DownloadUrlRequest {
        java.util.Objects.requireNonNull(url, "url");
        java.util.Objects.requireNonNull(filename, "filename");
        java.util.Objects.requireNonNull(content, "content");
        if (checksum.isPresent() != checksumAlgorithm.isPresent()) {
            throw new IllegalArgumentException("checksum and checksumAlgorithm go together");
        }
    }

    /** A download without checksum; add one with {@link #withChecksum}. */
    public static DownloadUrlRequest of(String url, String filename, String content) {
        return new DownloadUrlRequest(url, filename, content, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This request with an expected checksum. */
    public DownloadUrlRequest withChecksum(String algorithm, String value) {
        return new DownloadUrlRequest(
                url, filename, content, Optional.of(value), Optional.of(algorithm), verifyCertificates);
    }

    /** The form fields PVE receives. */
    public List<Map.Entry<String, String>> form() {
        return new FormFields()
                .put("url", url)
                .put("filename", filename)
                .put("content", content)
                .opt("checksum", checksum)
                .opt("checksum-algorithm", checksumAlgorithm)
                .opt("verify-certificates", verifyCertificates)
                .build();
    }
}
