package com.etitle.certificate;

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
    public String path() {
        return PublicIds.CONTEXT_PATH;
    }

    @Override
    public Map<String, Object> document() {
        return Terms.of(ids.contextUrl())
                .plain("ProfessionalTitleCredential", "ProfessionalTitleHolder", "ProfessionalTitle")
                .plain("workUnit", "professionalTitle", "certificateNumber", "replaces", "qualificationName", "level", "series",
                        "specialty", "effectiveScope", "acquisitionRoute", "promotionType", "committee", "approvalDocumentNumber")
                .typed("qualificationDate", XSD + "date")
                .document();
    }
}
