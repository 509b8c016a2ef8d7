package io.newsflow.deploy;

import java.util.Optional;

/** Image references: {@code [registry[:port]/]name[:tag][@digest]}. */
final class Images {

    private Images() {}

    /** The tag of an image reference, if it has one. */
    static Optional<String> tag(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? Optional.of(withoutDigest.substring(colon + 1)) : Optional.empty();
    }

    /** The reference without tag and digest. */
    static String name(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    /** Why an image is not pinned to a version, or empty when it is (a version tag or a digest). */
    static Optional<String> unpinned(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("no image");
        }
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        Optional<String> tag = tag(image);
        if (tag.isEmpty()) {
            return Optional.of("image " + image + " has no tag (that is :latest)");
        }
        if (tag.get().equals("latest") || !tag.get().matches(".*\\d.*")) {
            return Optional.of("image " + image + " is not pinned to a version");
        }
        return Optional.empty();
    }
}
