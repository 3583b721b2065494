package com.etitle.client.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.etitle.client.ApiClient;
import com.etitle.client.ApiException;
import com.etitle.client.api.CertificatesApi;
import com.etitle.client.api.VerificationApi;
import com.etitle.client.model.CertificateView;
import com.etitle.client.model.IssueRequest;
import com.etitle.client.model.Problem;
import com.etitle.client.model.VerificationAnswer;
import com.etitle.client.model.VerificationRequest;

/**
 * What an integrator writes against the Java client that openapi-generator makes from openapi/openapi.yaml: issue a
 * certificate as an authority, then verify it as anyone, every way, reading typed answers. GeneratedClientTest compiles
 * this file together with the generated sources (it is not on any Maven source path, as the client does not exist before
 * the test) and checks what it observed: the input is the service's base URI and an issuer's bearer token.
 */
public final class IssueAndVerify implements Function<Map<String, String>, Map<String, Object>> {

    @Override
    public Map<String, Object> apply(Map<String, String> input) {
        Map<String, Object> seen = new LinkedHashMap<>();
        ApiClient anyone = new ApiClient();
        anyone.updateBaseUri(input.get("baseUri"));
        ApiClient authority = new ApiClient();
        authority.updateBaseUri(input.get("baseUri"));
        // the native library leaves authentication to the caller; the contract says which operations need the header
        authority.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + input.get("issuerToken")));
        try {
            CertificatesApi certificates = new CertificatesApi(authority);
            CertificateView issued = certificates.issueCertificate(new IssueRequest()
                    .holderName("张三")
                    .holderIdNumber("110105198003121238")
                    .workUnit("测试省建筑设计研究院")
                    .series("工程")
                    .specialty("建筑设计")
                    .level(IssueRequest.LevelEnum.DEPUTY_SENIOR)
                    .qualificationName("高级工程师")
                    .effectiveScope(IssueRequest.EffectiveScopeEnum.PROVINCE_WIDE)
                    .acquisitionRoute(IssueRequest.AcquisitionRouteEnum.EVALUATION)
                    .promotionType(IssueRequest.PromotionTypeEnum.NORMAL)
                    .committeeName("测试省工程系列高级职称评审委员会")
                    .approvalDocumentNumber("测人社职〔2026〕12号")
                    .qualificationDate("2026-06-18"), null);
            seen.put("issued.number", issued.getNumber());
            seen.put("issued.status", issued.getStatus().getValue());
            seen.put("issued.level", issued.getLevel().getValue());
            seen.put("issued.issuer.code", issued.getIssuer().getCode());
            seen.put("issued.credential.class", issued.getCredential() == null ? null : issued.getCredential().getClass().getName());

            VerificationApi verification = new VerificationApi(anyone);
            VerificationAnswer byCode = verification.verifyCertificate(new VerificationRequest()
                    .certificateNumber(issued.getNumber()).holderName(issued.getHolderName()).verificationCode(issued.getVerificationCode()));
            seen.put("byCode.result", byCode.getResult().getValue());
            seen.put("byCode.valid", byCode.getValid());
            seen.put("byCode.method", byCode.getMethod().getValue());
            seen.put("byCode.number", byCode.getCertificate().getCertificateNumber());
            seen.put("byCode.level", byCode.getCertificate().getLevel().getValue());
            seen.put("byCode.qualificationDate", byCode.getCertificate().getQualificationDate());

            VerificationAnswer byToken = verification.verifyCertificate(new VerificationRequest().token(issued.getToken()));
            seen.put("byToken.result", byToken.getResult().getValue());
            seen.put("byToken.method", byToken.getMethod().getValue());

            // the credential as the client read it from the issuance answer, sent back untouched
            VerificationAnswer byCredential = verification.verifyCertificate(new VerificationRequest().credential(issued.getCredential()));
            seen.put("byCredential.result", byCredential.getResult().getValue());

            // the suspension's body is optional and its answer the certificate
            CertificateView suspended = certificates.suspendCertificate(issued.getNumber(), null);
            seen.put("suspended.status", suspended.getStatus().getValue());
            VerificationAnswer whileSuspended = verification.verifyCertificate(new VerificationRequest().token(issued.getToken()));
            seen.put("whileSuspended.result", whileSuspended.getResult().getValue());
            seen.put("whileSuspended.status", whileSuspended.getCertificate().getStatus().getValue());
            seen.put("reinstated.status", certificates.reinstateCertificate(issued.getNumber()).getStatus().getValue());

            try {
                verification.verifyCertificate(new VerificationRequest());
                seen.put("empty.code", 200);
            } catch (ApiException refused) {
                Problem problem = anyone.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
                seen.put("empty.code", refused.getCode());
                seen.put("empty.contentType", refused.getResponseHeaders().firstValue("Content-Type").orElse(null));
                seen.put("empty.type", problem.getType());
                seen.put("empty.status", problem.getStatus());
            }
            try {
                new CertificatesApi(anyone).getCertificate(issued.getNumber());
                seen.put("anonymous.code", 200);
            } catch (ApiException refused) {
                seen.put("anonymous.code", refused.getCode());
                seen.put("anonymous.type", anyone.getObjectMapper().readValue(refused.getResponseBody(), Problem.class).getType());
            }
        } catch (ApiException e) {
            throw new IllegalStateException("HTTP " + e.getCode() + ": " + e.getResponseBody(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return seen;
    }
}
