package com.etitle.publicity;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the public notice list, as the API sends it and the portal page renders it. */
@Schema(name = "NoticePage")
public record NoticePage(List<NoticeView.Summary> items, int page, int size, long total) {
}
