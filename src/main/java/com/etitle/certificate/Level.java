package com.etitle.certificate;

/** 层级 of a professional title. */
public enum Level {
    /** 正高级 */
    FULL_SENIOR,
    /** 副高级 */
    DEPUTY_SENIOR,
    /** 中级 */
    INTERMEDIATE,
    /** 初级 (助理级 / 员级) */
    JUNIOR
}
