package com.etitle.reissue;

/** Why a certificate is replaced (遗失 / 损毁). */
public enum ReissueReason {
    LOST,
    DAMAGED
}
