package com.etitle.publicity;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.common.PageRequest;
import com.etitle.common.PublicAnswers;

/**
 * The public notice list as kept in {@link PublicAnswers}: one entry per filter and page, shared by the API
 * ({@code GET /api/v1/publicity-notices}) and the page for people ({@code /publicity-notices}), so both show the same
 * second's list and a busy portal costs one query per page and second whichever of them is asked.
 */
@ApplicationScoped
public class PublicNotices {

    private final PublicityService notices;
    private final PublicAnswers answers;

    PublicNotices(PublicityService notices, PublicAnswers answers) {
        this.notices = notices;
        this.answers = answers;
    }

    /** A page of published notices; an invalid {@code state} is a 400 {@code invalid-query}. */
    public PublicAnswers.Kept<NoticePage> page(String state, Long committeeId, PageRequest paging) {
        return answers.kept("notices?" + state + "&" + committeeId + "&" + paging.page() + "&" + paging.size(), () -> {
            var result = notices.list(state, committeeId, paging);
            return new NoticePage(result.items(), result.page(), result.size(), result.total());
        });
    }
}
