package dev.homestak.scenarios;

/** Where the API provisioner finds cloud images: {@code local:import/<image>.qcow2}. */
final class Images {

    /** The storage images are imported from (file-based, content {@code import}). */
    static final String STORAGE = "local";

    private Images() {
    }

    /** The file name of image {@code image} ({@code debian-12} → {@code debian-12.qcow2}). */
    static String fileName(String image) {
        return image.endsWith(".qcow2") || image.endsWith(".img") ? image : image + ".qcow2";
    }

    /** The volume id the disk is imported from. */
    static String volid(String image) {
        return STORAGE + ":import/" + fileName(image);
    }
}
