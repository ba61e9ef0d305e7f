//! An optional OpenAI-compatible chat-completions client (Ollama, llama.cpp server, vLLM).
//! Off unless `[llm]` is configured: nothing leaves the machine otherwise.

use std::time::Duration;

use serde::Deserialize;
use serde_json::json;
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum LlmError {
    #[error("the LLM server did not answer within {0:.1} s")]
    Timeout(f64),
    #[error("the LLM server could not be reached: {0}")]
    Unreachable(String),
    #[error("the LLM server answered with HTTP {0}")]
    Status(u16),
    #[error("the LLM server's answer was not understood: {0}")]
    BadAnswer(String),
    #[error("the LLM's text was refused: {0}")]
    Refused(String),
}

impl LlmError {
    /// What went wrong, in `locale`, for the facilitators' notice. The technical detail
    /// (a network error's text, a refusal's reason) stays in the log, in English.
    pub fn describe_in(&self, locale: crate::i18n::Locale) -> String {
        use crate::t;
        match self {
            LlmError::Timeout(s) => t!(
                locale,
                "llm-error-timeout",
                seconds = crate::i18n::format_decimal(*s, 1, locale)
            ),
            LlmError::Unreachable(_) => t!(locale, "llm-error-unreachable"),
            LlmError::Status(code) => t!(locale, "llm-error-status", code = *code as i64),
            LlmError::BadAnswer(_) => t!(locale, "llm-error-bad-answer"),
            LlmError::Refused(_) => t!(locale, "llm-error-refused"),
        }
    }
}

/// Where and how to ask.
#[derive(Debug, Clone)]
pub struct LlmClient {
    endpoint: String,
    model: String,
    api_key: Option<String>,
    timeout: Duration,
    http: reqwest::Client,
}

#[derive(Deserialize)]
struct Completion {
    choices: Vec<CompletionChoice>,
}

#[derive(Deserialize)]
struct CompletionChoice {
    message: CompletionMessage,
}

#[derive(Deserialize)]
struct CompletionMessage {
    content: Option<String>,
}

impl LlmClient {
    /// `endpoint` is the API base, e.g. `http://127.0.0.1:11434/v1`.
    pub fn new(
        endpoint: &str,
        model: &str,
        api_key: Option<String>,
        timeout: Duration,
    ) -> Result<LlmClient, LlmError> {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .map_err(|e| LlmError::Unreachable(e.to_string()))?;
        Ok(LlmClient {
            endpoint: endpoint.trim_end_matches('/').to_string(),
            model: model.to_string(),
            api_key,
            timeout,
            http,
        })
    }

    pub fn model(&self) -> &str {
        &self.model
    }

    /// Ask for a completion of `prompt`; the answer's text, trimmed.
    pub async fn complete(&self, prompt: &str, max_tokens: u32) -> Result<String, LlmError> {
        let body = json!({
            "model": self.model,
            "messages": [
                {"role": "system", "content": "You assist a university reading group. Be faithful, brief and neutral."},
                {"role": "user", "content": prompt}
            ],
            "temperature": 0.2,
            "max_tokens": max_tokens,
            "stream": false
        });
        let mut request = self
            .http
            .post(format!("{}/chat/completions", self.endpoint))
            .json(&body);
        if let Some(key) = &self.api_key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.map_err(|e| {
            if e.is_timeout() {
                LlmError::Timeout(self.timeout.as_secs_f64())
            } else {
                // Never include the URL's credentials or the key: reqwest's message names the host only.
                LlmError::Unreachable(e.without_url().to_string())
            }
        })?;
        if !response.status().is_success() {
            return Err(LlmError::Status(response.status().as_u16()));
        }
        let completion: Completion = response.json().await.map_err(|e| {
            if e.is_timeout() {
                LlmError::Timeout(self.timeout.as_secs_f64())
            } else {
                LlmError::BadAnswer(e.without_url().to_string())
            }
        })?;
        let text = completion
            .choices
            .into_iter()
            .next()
            .and_then(|c| c.message.content)
            .unwrap_or_default();
        Ok(text.trim().to_string())
    }
}

/// Check an LLM's text before it is posted: not empty, not too long, and naming none of
/// the members who asked not to be quoted by name.
pub fn check_text(
    text: &str,
    max_chars: usize,
    forbidden_names: &[String],
) -> Result<(), LlmError> {
    if text.trim().is_empty() {
        return Err(LlmError::Refused("it was empty".into()));
    }
    let n = text.chars().count();
    if n > max_chars {
        return Err(LlmError::Refused(format!(
            "it was {n} characters long (the limit is {max_chars})"
        )));
    }
    let lower = text.to_lowercase();
    if forbidden_names
        .iter()
        .any(|name| name.chars().count() >= 2 && lower.contains(&name.to_lowercase()))
    {
        return Err(LlmError::Refused(
            "it named a member who opted out of being quoted".into(),
        ));
    }
    Ok(())
}

/// The spans of `text` in quotation marks (“…”, "…"), at least three words long.
fn quoted_spans(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('"', '"')] {
        let mut rest = text;
        while let Some(a) = rest.find(open) {
            let after = &rest[a + open.len_utf8()..];
            let Some(b) = after.find(close) else { break };
            let span = after[..b].trim();
            if span.split_whitespace().count() >= 3 {
                out.push(span.to_string());
            }
            rest = &after[b + close.len_utf8()..];
        }
    }
    out
}

/// Check that what an LLM's text puts in quotation marks is someone's exact words: a
/// member's reply or the excerpt (`sources`). A quote may leave out a closing full stop.
pub fn check_quotes(text: &str, sources: &[&str]) -> Result<(), LlmError> {
    for span in quoted_spans(text) {
        let body = span.trim_end_matches(['.', ',', '…']).trim_end();
        if !sources
            .iter()
            .any(|s| crate::domain::summary::is_exact(body, s))
        {
            return Err(LlmError::Refused(format!(
                "it quoted words nobody wrote: “{}”",
                crate::domain::text::truncate_chars(&span, 80)
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        assert!(check_text("", 100, &[]).is_err());
        assert!(check_text(&"x".repeat(101), 100, &[]).is_err());
        assert!(check_text("Ana argued well.", 100, &["ana".into()]).is_err());
        assert!(check_text("The group argued well.", 100, &["ana".into()]).is_ok());
    }

    #[test]
    fn quotes_must_be_exact() {
        let replies = ["Local monitoring keeps the pasture honest. Cheating shows."];
        assert!(
            check_quotes(
                "Ben said “local monitoring keeps the pasture honest”.",
                &replies
            )
            .is_err(),
            "case matters: not the exact words"
        );
        assert!(
            check_quotes(
                "Ana said “Local monitoring keeps the pasture honest.”",
                &replies
            )
            .is_ok()
        );
        assert!(
            check_quotes(
                "Ana said \"Local monitoring keeps the pasture\" and more.",
                &replies
            )
            .is_ok()
        );
        assert!(check_quotes("Ana said “monitoring makes everyone honest”.", &replies).is_err());
        assert!(check_quotes("Short “quotes” are names, not quotes.", &replies).is_ok());
    }
}
