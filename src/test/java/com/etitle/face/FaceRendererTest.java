package com.etitle.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.EffectiveScope;
import com.etitle.certificate.Level;
import com.etitle.certificate.LicenceId;
import com.etitle.support.Pdfs;

/** The layout from plain values, without the service: odd inputs, every status, and renders on several threads at once. */
class FaceRendererTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-07-01T02:00:00Z");

    private static FaceRenderer renderer;
    private static ExecutorService threads;

    @BeforeAll
    static void oneFontForAllTests() {
        // two parses at most, shared by four threads below: borrowing must hand each render its own
        renderer = new FaceRenderer(FaceFont.bundled(2));
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void renders_on_four_threads_with_two_font_parses_each_print_their_own_holder() throws Exception {
        List<String> names = List.of("张三", "李四", "王五", "赵六", "孙七", "周八", "吴九", "郑十");
        List<Future<byte[]>> renders = new ArrayList<>();
        for (String name : names) {
            renders.add(threads.submit(() -> renderer.render(face(name, "测试省建筑设计研究院", CertificateStatus.VALID), NOW, CHINA)));
        }

        for (int i = 0; i < names.size(); i++) {
            String text = Pdfs.text(renders.get(i).get());
            assertThat(text).contains(names.get(i), "高级工程师");
            for (int j = 0; j < names.size(); j++) {
                if (j != i) {
                    assertThat(text).doesNotContain(names.get(j));
                }
            }
        }
    }

    @Test
    void a_work_unit_of_the_longest_accepted_length_wraps_and_stays_on_one_page() {
        String unit = "测试省建筑设计研究院城市更新与历史街区保护设计所".repeat(9).substring(0, 200);

        byte[] pdf = renderer.render(face("张三", unit, CertificateStatus.VALID), NOW, CHINA);

        assertThat(Pdfs.pages(pdf)).isEqualTo(1);
        assertThat(Pdfs.text(pdf).replaceAll("\\s", "")).contains(unit, "张三", "高级工程师", "20260000000012345");
    }

    @Test
    void a_character_the_font_lacks_prints_as_a_box_instead_of_failing_the_document() {
        // U+20000 (CJK Extension B) is not in Noto Serif SC
        byte[] pdf = renderer.render(face("张\uD840\uDC00", "测试省建筑设计研究院", CertificateStatus.VALID), NOW, CHINA);

        assertThat(Pdfs.text(pdf)).contains("张□").doesNotContain("\uD840\uDC00");
    }

    @Test
    void every_status_but_valid_is_marked_on_the_page() {
        assertThat(Pdfs.text(renderer.render(face("张三", "单位", CertificateStatus.SUSPENDED), NOW, CHINA))).contains("证书状态：已暂停");
        assertThat(Pdfs.text(renderer.render(face("张三", "单位", CertificateStatus.REVOKED), NOW, CHINA))).contains("证书状态：已撤销");
        assertThat(Pdfs.text(renderer.render(face("张三", "单位", CertificateStatus.VOIDED), NOW, CHINA))).contains("证书状态：已作废");
        assertThat(Pdfs.text(renderer.render(face("张三", "单位", CertificateStatus.VALID), NOW, CHINA))).doesNotContain("证书状态");
    }

    @Test
    void the_e_licence_identifier_prints_whole_on_one_line_with_its_label() {
        String text = Pdfs.text(renderer.render(face("张三", "测试省建筑设计研究院", CertificateStatus.VALID), NOW, CHINA));

        assertThat(text).contains("证照标识");
        assertThat(text.lines().map(String::strip)).containsOnlyOnce(LicenceId.EXAMPLE);
    }

    @Test
    void a_face_without_an_identifier_prints_no_label_for_one() {
        Face face = face("张三", "单位", CertificateStatus.VALID);
        Face without = new Face(face.authorityCode(), face.authorityName(), face.number(), null, face.verificationCode(),
                face.holderName(), face.workUnit(), face.qualificationName(), face.level(), face.series(), face.specialty(),
                face.effectiveScope(), face.qualificationDate(), face.approvalDocumentNumber(), face.issueDate(), face.status(), face.qr());

        assertThat(Pdfs.text(renderer.render(without, NOW, CHINA))).doesNotContain("证照标识").contains("20260000000012345");
    }

    @Test
    void levels_and_scopes_print_in_chinese() {
        Face face = face("张三", "单位", CertificateStatus.VALID);

        assertThat(new Face(face.authorityCode(), face.authorityName(), face.number(), face.licenceId(), face.verificationCode(),
                face.holderName(),
                face.workUnit(), face.qualificationName(), Level.FULL_SENIOR, face.series(), face.specialty(), EffectiveScope.GRASSROOTS,
                face.qualificationDate(), face.approvalDocumentNumber(), face.issueDate(), face.status(), face.qr()))
                .satisfies(f -> {
                    assertThat(f.levelText()).isEqualTo("正高级");
                    assertThat(f.scopeText()).isEqualTo("基层有效");
                });
        assertThat(face.levelText()).isEqualTo("副高级");
        assertThat(face.scopeText()).isEqualTo("全省范围有效");
    }

    private static Face face(String holder, String workUnit, CertificateStatus status) {
        return new Face("TEST-A", "测试省人力资源和社会保障厅", "20260000000012345", LicenceId.EXAMPLE, "K7Q2M9AB", holder, workUnit, "高级工程师",
                Level.DEPUTY_SENIOR, "工程", "建筑设计", EffectiveScope.PROVINCE_WIDE, LocalDate.of(2026, 6, 18), "测人社职〔2026〕12号",
                LocalDate.of(2026, 7, 2), status, "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIyMDI2In0.c2lnbmF0dXJl");
    }
}
