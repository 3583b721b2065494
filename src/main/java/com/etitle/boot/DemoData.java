package com.etitle.boot;

import java.util.List;

import com.etitle.certificate.IssueRequest;

/** The demo authority's certificates of the zero-setup run. Made-up people with valid-looking ID numbers. */
public final class DemoData {

    public static final List<IssueRequest> REQUESTS = List.of(
            new IssueRequest("张三", "110105198003121238", "示范省建筑设计研究院", "工程", "建筑设计", "DEPUTY_SENIOR", "高级工程师",
                    "PROVINCE_WIDE", "EVALUATION", "NORMAL", "示范省工程系列高级职称评审委员会", "示人社职〔2026〕12号", "2026-06-18"),
            new IssueRequest("李四", "440306197511204020", "示范市第一人民医院", "卫生", "心血管内科", "INTERMEDIATE", "主治医师",
                    "PROVINCE_WIDE", "EXAM", "NORMAL", null, "示人社职〔2026〕7号", "2026-05-10"),
            new IssueRequest("王五", "320102198807081518", "示范县第二中学", "中小学教师", "数学", "DEPUTY_SENIOR", "高级教师",
                    "GRASSROOTS", "EVALUATION", "EXCEPTIONAL", "示范省中小学教师高级职称评审委员会", "示人社职〔2026〕15号", "2026-07-02"));

    private DemoData() {
    }

    /** The ID number of the holder of demo certificate {@code n} (1-based), or null for anything else. */
    static String holderIdNumber(String n) {
        try {
            int i = Integer.parseInt(n);
            return i >= 1 && i <= REQUESTS.size() ? REQUESTS.get(i - 1).holderIdNumber() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
