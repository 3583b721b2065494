package com.etitle.qualification;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.common.PageRequest;
import com.etitle.common.Paged;
import com.etitle.common.PublicAnswers;

/**
 * The public list of qualification documents as kept in {@link PublicAnswers}: one entry per filter and page, shared by
 * the API ({@code GET /api/v1/qualification-documents}) and the page for people ({@code /qualification-documents}).
 */
@ApplicationScoped
public class PublicDocuments {

    private final QualificationDocumentService documents;
    private final PublicAnswers answers;

    PublicDocuments(QualificationDocumentService documents, PublicAnswers answers) {
        this.documents = documents;
        this.answers = answers;
    }

    /** A page of documents; a year out of range or a text over 50 characters is a 400 {@code invalid-query}. */
    public PublicAnswers.Kept<QualificationDocumentView.Page> page(Long committeeId, Integer year, String q, PageRequest paging) {
        return answers.kept("documents?" + committeeId + "&" + year + "&" + q + "&" + paging.page() + "&" + paging.size(), () -> {
            Paged<QualificationDocumentView.Summary> result = documents.list(committeeId, year, q, paging);
            return new QualificationDocumentView.Page(result.items(), result.page(), result.size(), result.total());
        });
    }
}
