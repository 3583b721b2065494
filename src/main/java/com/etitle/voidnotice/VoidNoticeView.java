package com.etitle.voidnotice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.etitle.certificate.CertificateView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A void notice (作废声明) as published and signed: the unsigned document is built from this record, and
 * the published one is it with its {@code proof}. Holders' names are masked; no ID number is ever in it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A signed void notice; the proof verifies with the authority's key in /.well-known/jwks.json")
public record VoidNoticeView(
        @JsonProperty("@context") @Schema(description = "Data Integrity v2 and our void-notice context; absent on notices published before they had one")
        List<String> context,
        @Schema(description = "Where the notice is published") String id,
        @Schema(enumeration = VoidNoticeService.TYPE) String type,
        @Schema(example = "HRSS-440000-VOID-2026-007") String noticeNumber,
        Instant publishedAt,
        CertificateView.Issuer authority,
        List<Entry> entries,
        @Schema(type = SchemaType.OBJECT, description = "Data Integrity proof (eddsa-jcs-2022, or sm2sm3-jcs-2026 for SM2 authorities)")
        JsonNode proof) {

    @Schema(name = "VoidNoticeEntry")
    public record Entry(
            String certificateNumber,
            @Schema(description = "Masked: first and last character kept", example = "张*三") String holderName,
            String qualificationName,
            @Schema(enumeration = {"LOST", "DAMAGED"}) String reason,
            LocalDate voidDate) {
    }
}
