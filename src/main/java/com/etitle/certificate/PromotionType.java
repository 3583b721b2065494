package com.etitle.certificate;

/** How the holder came to the title (seed 001 §四(五)). */
public enum PromotionType {
    /** 正常晋升 */
    NORMAL,
    /** 破格 */
    EXCEPTIONAL,
    /** 转系列 */
    SERIES_TRANSFER
}
