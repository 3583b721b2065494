package com.etitle.certificate;

/** 有效范围 of a qualification. */
public enum EffectiveScope {
    /** valid province-wide */
    PROVINCE_WIDE,
    /** 自主评审: valid in the evaluating unit only */
    OWN_UNIT,
    /** 基层有效: valid at grassroots units only */
    GRASSROOTS
}
