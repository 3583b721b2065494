package com.etitle.voidnotice;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.authority.PublicIds;
import com.etitle.common.JsonLdContext;

/** The terms of a void notice (作废声明), which it names after the Data Integrity context of its proof. */
@ApplicationScoped
class VoidNoticeContext implements JsonLdContext {

    private final PublicIds ids;

    VoidNoticeContext(PublicIds ids) {
        this.ids = ids;
    }

    @Override
    public String path() {
        return PublicIds.VOID_NOTICE_CONTEXT_PATH;
    }

    @Override
    public Map<String, Object> document() {
        return Terms.of(ids.voidNoticeContextUrl())
                .plain(VoidNoticeService.TYPE)
                .iri("name", "https://schema.org/name")
                .plain("noticeNumber", "authority", "code", "certificateNumber", "holderName", "qualificationName", "reason")
                .container("entries", "@list")
                .typed("publishedAt", XSD + "dateTime")
                .typed("voidDate", XSD + "date")
                .document();
    }
}
