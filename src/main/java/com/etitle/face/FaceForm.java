package com.etitle.face;

import java.util.List;

import jakarta.ws.rs.core.MediaType;

/** The two files a certificate face comes as: the PDF (the default) and the sealed OFD of the national e-licence systems. */
public enum FaceForm {
    PDF("application/pdf", "pdf"),
    OFD(OfdFaces.MEDIA_TYPE, "ofd");

    private final String mediaType;
    private final String extension;

    FaceForm(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The form a client asks for, from its acceptable media types ordered by preference: OFD only when it prefers
     * {@code application/ofd} to the PDF; a wildcard, or no {@code Accept}, gets the PDF.
     */
    public static FaceForm preferred(List<MediaType> acceptable) {
        MediaType pdf = MediaType.valueOf(PDF.mediaType);
        MediaType ofd = MediaType.valueOf(OFD.mediaType);
        for (MediaType type : acceptable) {
            if (type.isCompatible(pdf)) {
                return PDF;
            }
            if (type.isCompatible(ofd)) {
                return OFD;
            }
        }
        return PDF;
    }
}
