package sanitize

// PolicyFor exposes the article policy to the external tests, which check
// that applying it again to the pipeline's output changes nothing.
var PolicyFor = policyFor
