package io.pocketdock;

/** The image (or the image of a profile) is not present on the engine. */
public final class ImageNotFoundException extends PocketDockException {
  private static final long serialVersionUID = 1L;

  private final String image;

  ImageNotFoundException(String operation, String image, String hint) {
    super(operation, null, "image not found: " + image, hint, null);
    this.image = image;
  }

  /** The image reference that was looked for. */
  public String image() {
    return image;
  }
}
