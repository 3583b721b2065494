package com.etitle.voidnotice;

import java.util.LinkedHashMap;
import java.util.List;
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
    public String name() {
        return PublicIds.VOID_NOTICE_CONTEXT_PATH.substring(PublicIds.CONTEXTS_PATH.length() + 1);
    }

    @Override
    public Map<String, Object> document() {
        String vocab = ids.voidNoticeContextUrl() + "#";
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("@version", 1.1);
        terms.put("@protected", true);
        terms.put(VoidNoticeService.TYPE, vocab + VoidNoticeService.TYPE);
        terms.put("name", "https://schema.org/name");
        for (String term : List.of("noticeNumber", "authority", "code", "certificateNumber", "holderName", "qualificationName", "reason")) {
            terms.put(term, vocab + term);
        }
        terms.put("entries", Map.of("@id", vocab + "entries", "@container", "@list"));
        terms.put("publishedAt", Map.of("@id", vocab + "publishedAt", "@type", XSD + "dateTime"));
        terms.put("voidDate", Map.of("@id", vocab + "voidDate", "@type", XSD + "date"));
        return Map.of("@context", terms);
    }
}
