"""Generated source documents for measuring the importer: abstract documents drawn from
hypothesis or a seed (`renderings`), rendered as clerks make them (`clerk_docx`,
`plain_text`, `web_page`), each with the reading a reader should get back (`reading`)."""
