package com.etitle.voidnotice;

import java.util.List;

/** One page of published void notices, newest first. */
public record VoidNoticePage(List<VoidNoticeView> items, int page, int size, long total) {
}
