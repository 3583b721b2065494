package com.etitle.committee;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/committees} and {@code PUT /api/v1/committees/{id}} (a full update: every
 * field is sent every time). Fields arrive as text and are checked together, so one answer names every
 * invalid field. There is deliberately no field for members: they are never stored or published
 * (seed 001 §一(四), §八(三)); a body that sends one is refused as an unknown field.
 */
@Schema(description = "An evaluation committee (评委会) as filed with your authority; members are never sent, stored or published")
public record CommitteeRequest(
        @Schema(example = "测试省工程系列高级职称评审委员会", maxLength = 200) String name,
        @Schema(description = "Unique within your authority; letters, digits, '.', '_' and '-', stored upper-case",
                example = "GC-GJ-01", maxLength = 32) String code,
        @Schema(description = "The level of titles it evaluates", enumeration = {"SENIOR", "INTERMEDIATE"}) String level,
        @Schema(description = "系列", example = "工程", maxLength = 50) String series,
        @Schema(description = "专业范围", example = "建筑设计、结构、给排水", maxLength = 500) String specialtyScope,
        @Schema(description = "主管部门", example = "测试省住房和城乡建设厅", maxLength = 200) String managingDepartment,
        @Schema(description = "批准机构", example = "测试省人力资源和社会保障厅", maxLength = 200) String approvingAuthority,
        @Schema(example = "兰州市", maxLength = 100) String region,
        @Schema(description = "A mainland China landline, mobile or service number", example = "0931-8123456", maxLength = 32)
        String contactPhone,
        @Schema(example = "兰州市城关区示范路1号", maxLength = 300) String contactAddress,
        @Schema(description = "备案号", example = "测职改备〔2026〕3号", maxLength = 100) String filingNumber,
        @Schema(enumeration = {"ACTIVE", "SUSPENDED", "REVOKED"}) String status,
        @Schema(description = "ISO 8601 date, not in the future", example = "2018-09-01") String establishedOn) {
}
