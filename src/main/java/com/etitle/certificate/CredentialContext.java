package com.etitle.certificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.authority.PublicIds;
import com.etitle.common.JsonLdContext;

/** The terms of ProfessionalTitleCredential, which every credential names after the VC 2.0 context. */
@ApplicationScoped
class CredentialContext implements JsonLdContext {

    private final PublicIds ids;

    CredentialContext(PublicIds ids) {
        this.ids = ids;
    }

    @Override
    public String name() {
        return PublicIds.CONTEXT_PATH.substring(PublicIds.CONTEXTS_PATH.length() + 1);
    }

    @Override
    public Map<String, Object> document() {
        String vocab = ids.contextUrl() + "#";
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("@version", 1.1);
        terms.put("@protected", true);
        for (String term : List.of("ProfessionalTitleCredential", "ProfessionalTitleHolder", "ProfessionalTitle")) {
            terms.put(term, vocab + term);
        }
        for (String term : List.of("workUnit", "professionalTitle", "certificateNumber", "replaces", "qualificationName", "level", "series",
                "specialty", "effectiveScope", "acquisitionRoute", "promotionType", "committee", "approvalDocumentNumber")) {
            terms.put(term, vocab + term);
        }
        terms.put("qualificationDate", Map.of("@id", vocab + "qualificationDate", "@type", JsonLdContext.XSD + "date"));
        return Map.of("@context", terms);
    }
}
