package com.etitle.certificate;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.authority.PublicIds;
import com.etitle.common.JsonLdContext;

/**
 * The terms of ProfessionalTitleCredential, which every credential names after the VC 2.0 context. Terms are only ever
 * added: credentials signed with earlier versions of this context use a subset of them.
 */
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
                // GB/T 36903 e-licence metadata: 证照标识, 证照类型代码, 证照名称, 颁发日期, and 颁发机构代码 (in the issuer)
                .plain("licenceId", "licenceTypeCode", "licenceName", "creditCode")
                .typed("issueDate", XSD + "date")
                .document();
    }
}
