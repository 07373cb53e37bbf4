//! `notifications/progress` as the client hands them out.

use std::fmt;

use serde_json::Value;

/// One progress notification for one request.
///
/// `generate_sprite` reports 0–100 with a message per stage (`encoding PNG`, `saved <path>`, ComfyUI's
/// `step 7/20`); `generate_batch` reports finished items against the item count. Values never decrease.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// The JSON-RPC id of the request this belongs to.
    pub request_id: u64,
    /// How far along, in the unit of `total`.
    pub progress: f64,
    /// The end value, when the server knows it.
    pub total: Option<f64>,
    /// What is happening, when the server says.
    pub message: Option<String>,
}

impl Progress {
    /// `progress / total` in 0…1, when `total` is known and positive.
    pub fn fraction(&self) -> Option<f64> {
        match self.total {
            Some(total) if total > 0.0 => Some((self.progress / total).clamp(0.0, 1.0)),
            _ => None,
        }
    }

    /// Reads `notifications/progress` params: the progress token (this client only sends integer tokens, so a
    /// string token is not one of ours and gives `None`) and the notification.
    pub(crate) fn from_params(params: Option<&Value>) -> Option<(u64, Progress)> {
        let params = params?;
        let token = params.get("progressToken")?.as_u64()?;
        let progress = params.get("progress")?.as_f64()?;
        let total = params.get("total").and_then(Value::as_f64);
        let message = params.get("message").and_then(Value::as_str).map(str::to_owned);
        Some((token, Progress { request_id: token, progress, total, message }))
    }
}

impl fmt::Display for Progress {
    /// `3/10 item 3 done`, or `45/100 encoding PNG`, or just the numbers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", trim_number(self.progress))?;
        if let Some(total) = self.total {
            write!(f, "/{}", trim_number(total))?;
        }
        if let Some(message) = &self.message {
            write!(f, " {message}")?;
        }
        Ok(())
    }
}

fn trim_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_integer_tokens_and_optional_fields() {
        let params = json!({"progressToken": 5, "progress": 40, "total": 100, "message": "encoding PNG"});
        let (token, progress) = Progress::from_params(Some(&params)).unwrap();
        assert_eq!(token, 5);
        assert_eq!(progress.request_id, 5);
        assert_eq!(progress.fraction(), Some(0.4));
        assert_eq!(progress.to_string(), "40/100 encoding PNG");

        let bare = json!({"progressToken": 6, "progress": 2.5});
        let (_, progress) = Progress::from_params(Some(&bare)).unwrap();
        assert_eq!((progress.total, progress.message.clone(), progress.fraction()), (None, None, None));
        assert_eq!(progress.to_string(), "2.5");
    }

    #[test]
    fn ignores_tokens_this_client_did_not_send_and_malformed_params() {
        assert!(Progress::from_params(Some(&json!({"progressToken": "abc", "progress": 1}))).is_none());
        assert!(Progress::from_params(Some(&json!({"progressToken": 1}))).is_none());
        assert!(Progress::from_params(None).is_none());
    }
}
