package dev.homestak.proxmox.model;

/**
 * {@code agent/file-read}.
 *
 * @param content the file's content
 * @param truncated true when the file was larger than QGA returns
 */
public record FileContent(String content, boolean truncated) {
    /** Validates. */
    public FileContent {
        java.util.Objects.requireNonNull(content, "content");
    }
}
