package com.etitle.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages for people, in Chinese (the default) and English ({@code messages/msg_en.properties}); a
 * template names them {@code {msg:key}}. The locale is the page's own ({@link PageLanguage}).
 */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface Texts {

    @Message("职称电子证书核验")
    String verifyTitle();

    @Message("查验职称电子证书是否真实、当前是否有效。")
    String verifyLead();

    @Message("English")
    String otherLanguage();

    @Message("en")
    String otherLanguageCode();

    @Message("zh-CN")
    String languageCode();

    @Message("用证书编号、姓名和查验码核验")
    String byCodeHeading();

    @Message("证书编号")
    String certificateNumber();

    @Message("持证人姓名")
    String holderName();

    @Message("查验码")
    String verificationCode();

    @Message("证书上印有 8 位查验码")
    String verificationCodeHint();

    @Message("核验")
    String verifyButton();

    @Message("粘贴二维码内容（令牌）核验")
    String byTokenHeading();

    @Message("二维码内容")
    String token();

    @Message("扫描证书或持证人手机上的二维码，把识别出的文字粘贴到这里。")
    String tokenHint();

    @Message("核验结果")
    String resultHeading();

    @Message("扫描或上传二维码")
    String scanHeading();

    @Message("用摄像头扫码")
    String scanCamera();

    @Message("停止扫码")
    String scanStop();

    @Message("或选择二维码的照片、截图")
    String scanImage();

    @Message("扫到证书上的二维码后自动核验。图片只在您的浏览器里识别，不会上传。")
    String scanHint();

    @Message("正在识别图片……")
    String scanReading();

    @Message("请把证书上的二维码对准摄像头……")
    String scanLooking();

    @Message("这张图片里没有找到二维码。请拍得更清楚、让二维码占满画面，或改用下面的方式核验。")
    String scanNoCode();

    @Message("这个二维码不是职称电子证书的核验二维码。")
    String scanNotOurs();

    @Message("无法使用摄像头：这台设备没有摄像头，或浏览器不允许本页使用。请改为选择二维码的照片或截图。")
    String scanNoCamera();

    @Message("您没有允许本页使用摄像头。可以在浏览器设置里允许，或改为选择二维码的照片或截图。")
    String scanDenied();

    @Message("这个文件不是浏览器能打开的图片。请选择 JPG 或 PNG 格式的照片或截图。")
    String scanUnreadable();

    @Message("上传证书 PDF 文件核验")
    String byPdfHeading();

    @Message("证书 PDF 文件")
    String pdfFile();

    @Message("持证人下载的电子证书 PDF 文件（不超过 256 KB）。我们检查发证机关的电子签名，读出其中的二维码，并告诉您证书现在的状态。")
    String pdfHint();

    @Message("""
            {#when problem}\
            {#is 'ALTERED'}无法核验：文件已被改动\
            {#is 'NOT_OURS'}无法核验：不是本平台签发的证书文件\
            {#is 'NOT_PDF'}无法核验：不是 PDF 文件\
            {#is 'EMPTY'}请选择证书 PDF 文件\
            {#is 'TOO_LARGE'}无法核验：文件太大\
            {#else}无法核验：文件中没有可识别的二维码{/when}""")
    String fileVerdict(String problem);

    @Message("""
            {#when problem}\
            {#is 'ALTERED'}这份 PDF 由发证机关签名，但签名之后内容被改动过（哪怕只改了一个字节），不能作为证明。请向持证人索取原件，或凭证书编号、姓名和查验码核验。\
            {#is 'NOT_OURS'}这份 PDF 没有本平台任何发证机关的电子签名（没有签名，或由别人签名），不能证明职称资格。请向持证人索取从本平台下载的证书文件。\
            {#is 'NOT_PDF'}所选文件不是 PDF。若您拿到的是二维码图片，请用上面的“选择二维码的照片、截图”。\
            {#is 'EMPTY'}没有收到文件，请先选择持证人给您的证书 PDF 文件。\
            {#is 'TOO_LARGE'}证书 PDF 文件不超过 256 KB，这个文件太大，不会是本平台签发的证书。文件没有被读取。\
            {#else}文件的签名完好，但读不出其中的二维码。请凭证书编号、姓名和查验码核验。{/when}""")
    String fileExplanation(String problem);

    @Message("""
            {#when result}\
            {#is 'VALID'}有效\
            {#is 'NO_MATCH'}无法核验：信息不匹配\
            {#is 'CERTIFICATE_NOT_VALID'}{#when status}{#is 'REVOKED'}已撤销{#is 'SUSPENDED'}已暂停使用{#is 'VOIDED'}已作废并补发{#else}无效{/when}\
            {#is 'KEY_COMPROMISED'}无法核验：签发密钥已停用\
            {#is 'BAD_SIGNATURE'}无法核验：签名不符，内容可能被改动\
            {#else}无法核验{/when}""")
    String verdict(String result, String status);

    @Message("""
            {#when result}\
            {#is 'VALID'}这份证书由发证机关签发，目前有效。请核对下面的姓名与证件上的姓名一致。\
            {#is 'NO_MATCH'}证书编号、姓名和查验码不能同时对应同一份证书。请对照证书逐字核对后重试，或请持证人出示证书上的二维码。\
            {#is 'CERTIFICATE_NOT_VALID'}{#when status}\
            {#is 'REVOKED'}发证机关已撤销这份证书，它不能再证明持证人具有该职称资格。\
            {#is 'SUSPENDED'}发证机关已暂停这份证书的使用，暂停期间它不能证明职称资格。请向持证人或发证机关了解原因。\
            {#is 'VOIDED'}这份证书已声明作废（遗失或损毁），并已补发新证书。请让持证人出示新证书。\
            {#else}这份证书当前无效。{/when}\
            {#is 'KEY_COMPROMISED'}签发这份证书所用的密钥已停用。请让持证人出示重新签发的证书或二维码。\
            {#is 'BAD_SIGNATURE'}二维码或电子证书的内容与发证机关的签名不符，可能被改动过。请向持证人索取原件或直接联系发证机关。\
            {#else}这份二维码或电子证书不是本平台认可的发证机关签发的，无法核验。{/when}""")
    String explanation(String result, String status);

    @Message("姓名")
    String fieldName();

    @Message("资格名称")
    String fieldQualification();

    @Message("层级")
    String fieldLevel();

    @Message("{#when level}{#is 'FULL_SENIOR'}正高级{#is 'DEPUTY_SENIOR'}副高级{#is 'INTERMEDIATE'}中级{#is 'JUNIOR'}初级{#else}{level}{/when}")
    String level(String level);

    @Message("系列 / 专业")
    String fieldSeriesSpecialty();

    @Message("取得资格时间")
    String fieldQualificationDate();

    @Message("发证机关")
    String fieldAuthority();

    @Message("证书编号")
    String fieldNumber();

    @Message("证照标识")
    String fieldLicenceId();

    @Message("核验时间（北京时间）")
    String checkedAt();

    @Message("核验方式")
    String method();

    @Message("{#when method}{#is 'NUMBER_AND_CODE'}证书编号、姓名和查验码{#is 'TOKEN'}二维码{#is 'CREDENTIAL'}电子证书{#is 'GRANT'}持证人授权链接{#is 'PDF'}证书 PDF 文件（发证机关签名完好）{#else}{method}{/when}")
    String methodName(String method);

    @Message("持证人授权给")
    String grantVerifier();

    @Message("用途")
    String grantPurpose();

    @Message("授权有效至")
    String grantExpires();

    @Message("打印核验结果")
    String print();

    @Message("核验另一份证书")
    String again();

    @Message("请求过于频繁")
    String tooManyHeading();

    @Message("这个证书编号或您所在网络的核验失败次数过多，请 {minutes} 分钟后再试；或请持证人出示证书上的二维码，二维码核验不受此限制。")
    String tooMany(long minutes);

    @Message("请填写证书编号、持证人姓名和查验码三项。")
    String missing();

    @Message("核验服务暂时不可用，请稍后再试。")
    String unavailable();

    @Message("正在核验……")
    String verifying();

    @Message("链接中的核验信息已读取，正在核验。没有启用 JavaScript 时，请改用上面的表单。")
    String fragmentNote();

    @Message("本页核验结果来自发证机关的登记记录和电子签名。")
    String footer();

    @Message("接口文档")
    String apiLink();

    @Message("核验证书")
    String navVerify();

    @Message("评审委员会")
    String navCommittees();

    @Message("职称评审委员会名录")
    String committeesTitle();

    @Message("经人力资源社会保障部门核准备案的职称评审委员会。")
    String committeesLead();

    @Message("系列")
    String filterSeries();

    @Message("层级")
    String filterLevel();

    @Message("地区")
    String filterRegion();

    @Message("状态")
    String filterStatus();

    @Message("关键词（名称、评审专业、主管部门）")
    String filterText();

    @Message("筛选")
    String filterApply();

    @Message("全部")
    String anyOption();

    @Message("{#when level}{#is 'SENIOR'}高级{#is 'INTERMEDIATE'}中级{#else}{level}{/when}")
    String committeeLevel(String level);

    @Message("{#when status}{#is 'ACTIVE'}有效{#is 'SUSPENDED'}暂停{#is 'REVOKED'}撤销{#else}{status}{/when}")
    String committeeStatus(String status);

    @Message("共 {total} 个")
    String found(long total);

    @Message("没有符合条件的评审委员会。")
    String noneFound();

    @Message("筛选条件无效，请重新选择。")
    String invalidFilter();

    @Message("上一页")
    String previousPage();

    @Message("下一页")
    String nextPage();

    @Message("以 JSON 格式查看")
    String asJson();

    @Message("名称")
    String committeeName();

    @Message("评审专业范围")
    String specialtyScope();

    @Message("主管部门")
    String managingDepartment();

    @Message("核准机关")
    String approvingAuthority();

    @Message("联系电话")
    String contactPhone();

    @Message("联系地址")
    String contactAddress();

    @Message("备案编号")
    String filingNumber();

    @Message("组建时间")
    String establishedOn();

    @Message("备案机关代码")
    String filedWith();

    @Message("没有这个评审委员会。")
    String committeeNotFound();

    @Message("返回名录")
    String backToList();

    @Message("证书作废声明")
    String navVoidNotices();

    @Message("职称证书遗失、损毁作废声明")
    String voidNoticesTitle();

    @Message("以下证书已由持证人申请补办，原证书声明作废，不能再证明职称资格。每份声明都附有发证机关的电子签名文件。")
    String voidNoticesLead();

    @Message("目前没有作废声明。")
    String noVoidNotices();

    @Message("发布于")
    String publishedOn();

    @Message("下载签名文件（JSON）")
    String signedDocument();

    @Message("作废的证书")
    String voidedCertificates();

    @Message("原因")
    String voidReason();

    @Message("作废日期")
    String voidDate();

    @Message("{#when reason}{#is 'LOST'}遗失{#is 'DAMAGED'}损毁{#else}{reason}{/when}")
    String voidReasonName(String reason);

    @Message("评审结果公示")
    String navPublicityNotices();

    @Message("资格文件")
    String navQualificationDocuments();

    @Message("职称评审结果公示")
    String noticesTitle();

    @Message("评审委员会评审通过的人员名单，在任职资格文件下发前公示，时间不少于 5 个工作日。公示期间，任何单位和个人都可以署真实姓名和联系方式，对名单中的人员提出异议。")
    String noticesLead();

    @Message("{#when state}{#is 'OPEN'}公示中{#is 'CLOSED'}已结束{#is 'open'}公示中{#is 'closed'}已结束{#else}{state}{/when}")
    String noticeState(String state);

    @Message("公示状态")
    String filterNoticeState();

    @Message("共 {total} 份公示")
    String foundNotices(long total);

    @Message("没有符合条件的公示。")
    String noNotices();

    @Message("评审委员会")
    String committeeLabel();

    @Message("只看这个评审委员会")
    String onlyThisCommittee();

    @Message("全部评审委员会")
    String allCommittees();

    @Message("评审日期")
    String voteDateLabel();

    @Message("公示期")
    String publicityPeriod();

    @Message("{start} 至 {lastDay}，{days} 个工作日")
    String periodText(String start, java.time.LocalDate lastDay, int days);

    @Message("{count} 人")
    String candidateCount(long count);

    @Message("还剩 {days} 个工作日（含今天），{lastDay} 24:00（北京时间）截止")
    String remainingDays(int days, java.time.LocalDate lastDay);

    @Message("受理电话")
    String noticeContact();

    @Message("受理地址")
    String noticeAddress();

    @Message("公示人员名单")
    String candidatesHeading();

    @Message("序号")
    String positionColumn();

    @Message("工作单位")
    String workUnit();

    @Message("晋升方式")
    String promotionTypeLabel();

    @Message("{#when type}{#is 'NORMAL'}正常晋升{#is 'EXCEPTIONAL'}破格{#is 'SERIES_TRANSFER'}转系列{#else}{type}{/when}")
    String promotionTypeName(String type);

    @Message("已撤回（异议成立）")
    String withdrawnMark();

    @Message("没有这份公示。")
    String noticeNotFound();

    @Message("公示已结束，不再受理异议。")
    String closedNote();

    @Message("提出异议")
    String objectionHeading();

    @Message("对名单中的人员有异议的，请在公示结束前提交，并署真实姓名和联系方式。公示单位会登记、核查，并向您书面答复调查处理情况；您的姓名和联系方式不会公开。")
    String objectionLead();

    @Message("虚假举报、恶意信访、意图陷害他人的，将依纪依法追究责任。")
    String falseReportWarning();

    @Message("异议对象")
    String objectionEntry();

    @Message("请选择")
    String chooseEntry();

    @Message("您的真实姓名")
    String objectorName();

    @Message("2 至 50 个字")
    String objectorNameHint();

    @Message("联系方式")
    String objectorContact();

    @Message("手机、带区号的固定电话或电子邮箱，只用于书面答复，不会公开")
    String objectorContactHint();

    @Message("异议的事实和理由")
    String objectionReason();

    @Message("10 至 2000 个字")
    String objectionReasonHint();

    @Message("提交异议")
    String submitObjection();

    @Message("{#when message}{#is 'invalid'}异议没有提交，请修改标出的内容。{#is 'closed'}公示已经结束，异议没有提交。{#is 'withdrawn'}您选择的人员已因异议成立被撤回，异议没有提交。{#is 'rate-limited'}从您所在网络提交的异议过于频繁，异议没有提交。请 {minutes} 分钟后再试。{#is 'cross-site'}这份表单只能在本网站的公示页面上提交，异议没有提交。请打开公示页面重新填写。{#else}异议没有提交。{/when}")
    String objectionProblem(String message, Long minutes);

    @Message("{#when field}{#is 'objectorName'}请填写真实姓名，2 至 50 个字{#is 'contact'}请填写有效的手机、带区号的固定电话或电子邮箱{#is 'reason'}请写明异议的事实和理由，10 至 2000 个字{#is 'entryPosition'}请从名单中选择一人{#else}请检查这一项{/when}")
    String fieldProblem(String field);

    @Message("异议已受理")
    String receiptTitle();

    @Message("受理编号")
    String receiptNumber();

    @Message("受理时间（北京时间）")
    String receivedAt();

    @Message("状态")
    String receiptStatus();

    @Message("已登记，待核查")
    String receiptStatusName();

    @Message("请保存受理编号，向公示单位查询办理情况时请提供。公示单位会登记建档、调查核实，并向您留下的联系方式书面答复调查处理情况。您的姓名和联系方式不会公开。本页不会再次显示，可以打印保存。")
    String receiptNext();

    @Message("返回公示")
    String backToNotice();

    @Message("职称任职资格文件")
    String documentsTitle();

    @Message("公示期满、异议处理完毕后，发证机关下发的任职资格文件。文件中每人的资格都从评审通过之日起计算。")
    String documentsLead();

    @Message("年份")
    String filterYear();

    @Message("关键词（文号、评审委员会、姓名）")
    String filterDocumentText();

    @Message("文号")
    String documentNumber();

    @Message("发文日期")
    String documentDate();

    @Message("共 {total} 份文件")
    String foundDocuments(long total);

    @Message("没有符合条件的资格文件。")
    String noDocuments();

    @Message("没有这份资格文件。")
    String documentNotFound();

    @Message("有效范围")
    String effectiveScope();

    @Message("{#when scope}{#is 'PROVINCE_WIDE'}全省有效{#is 'OWN_UNIT'}本单位有效{#is 'GRASSROOTS'}基层有效{#else}{scope}{/when}")
    String effectiveScopeName(String scope);

    @Message("人员名单")
    String documentEntries();

    @Message("公示")
    String fromNotice();

    @Message("本委员会的评审结果公示")
    String committeeNotices();
}
