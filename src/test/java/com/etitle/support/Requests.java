package com.etitle.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Valid issuance bodies to start from; tests change one field to make them invalid. */
public final class Requests {

    private Requests() {
    }

    public static Map<String, Object> engineer() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holderName", "张三");
        body.put("holderIdNumber", "110105198003121238");
        body.put("workUnit", "测试省建筑设计研究院");
        body.put("series", "工程");
        body.put("specialty", "建筑设计");
        body.put("level", "DEPUTY_SENIOR");
        body.put("qualificationName", "高级工程师");
        body.put("effectiveScope", "PROVINCE_WIDE");
        body.put("acquisitionRoute", "EVALUATION");
        body.put("promotionType", "NORMAL");
        body.put("committeeName", "测试省工程系列高级职称评审委员会");
        body.put("approvalDocumentNumber", "测人社职〔2026〕12号");
        body.put("qualificationDate", "2026-06-18");
        return body;
    }

    public static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = engineer();
        body.put(field, value);
        return body;
    }
}
