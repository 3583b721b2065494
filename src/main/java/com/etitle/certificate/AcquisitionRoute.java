package com.etitle.certificate;

/** 取得方式 of a qualification. */
public enum AcquisitionRoute {
    /** 评审, by an evaluation committee's vote */
    EVALUATION,
    /** 以考代评, by national or provincial examination */
    EXAM,
    /** 认定 / 职业资格对应 */
    RECOGNITION
}
