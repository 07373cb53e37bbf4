//! JSON-RPC 2.0 messages as MCP's stdio transport frames them: one JSON object per line, UTF-8, no embedded
//! newlines, no batches (MCP 2025-06-18 and later removed JSON-RPC batching).

use serde_json::{json, Map, Value};

/// The MCP protocol revision this client speaks.
pub const PROTOCOL_VERSION: &str = "2025-11-25";

/// Revisions whose `tools/call` results carry `structuredContent`, which this client relies on. A server answering
/// `initialize` with any other revision is refused, as the MCP lifecycle asks.
pub const SUPPORTED_PROTOCOL_VERSIONS: [&str; 2] = ["2025-11-25", "2025-06-18"];

/// JSON-RPC's "method not found", the answer to a server request this client does not implement.
pub const METHOD_NOT_FOUND: i64 = -32601;

/// A JSON-RPC error object.
#[derive(Debug, Clone, PartialEq)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    pub data: Option<Value>,
}

/// One message read from the server's stdout.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// The answer to one of this client's requests (ids are the integers the client chose).
    Response { id: u64, outcome: Result<Value, RpcError> },
    /// A response whose id this client never sends: `null` (the server could not read a line) or a string.
    Unmatched { id: Value, error: Option<RpcError> },
    /// A request from the server (e.g. `ping`); it must be answered.
    Request { id: Value, method: String, params: Option<Value> },
    /// A notification from the server (`notifications/progress`, `notifications/message`, …).
    Notification { method: String, params: Option<Value> },
}

/// Why a line is not a JSON-RPC 2.0 message.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameError(pub String);

/// Reads one line (without its newline) as a JSON-RPC 2.0 message.
pub fn parse_line(line: &str) -> Result<Incoming, FrameError> {
    let value: Value = serde_json::from_str(line).map_err(|e| FrameError(format!("not JSON: {e}")))?;
    let Value::Object(mut object) = value else {
        return Err(FrameError("not a JSON object (JSON-RPC batches are not part of MCP)".into()));
    };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Err(FrameError("missing \"jsonrpc\": \"2.0\"".into()));
    }
    let id = object.remove("id");
    let params = object.remove("params");
    if let Some(method) = object.remove("method") {
        let Value::String(method) = method else {
            return Err(FrameError("\"method\" is not a string".into()));
        };
        return Ok(match id {
            Some(id) => Incoming::Request { id, method, params },
            None => Incoming::Notification { method, params },
        });
    }
    let Some(id) = id else {
        return Err(FrameError("neither a request, a notification nor a response".into()));
    };
    let outcome = match (object.remove("result"), object.remove("error")) {
        (Some(result), None) => Ok(result),
        (None, Some(error)) => Err(parse_error_object(error)?),
        (Some(_), Some(_)) => return Err(FrameError("a response with both \"result\" and \"error\"".into())),
        (None, None) => return Err(FrameError("a response with neither \"result\" nor \"error\"".into())),
    };
    match id.as_u64() {
        Some(id) => Ok(Incoming::Response { id, outcome }),
        None => Ok(Incoming::Unmatched { id, error: outcome.err() }),
    }
}

fn parse_error_object(error: Value) -> Result<RpcError, FrameError> {
    let code = error.get("code").and_then(Value::as_i64);
    let message = error.get("message").and_then(Value::as_str);
    match (code, message) {
        (Some(code), Some(message)) => {
            Ok(RpcError { code, message: message.to_owned(), data: error.get("data").cloned() })
        }
        _ => Err(FrameError("an error without an integer \"code\" and a string \"message\"".into())),
    }
}

/// A request line (with its newline).
pub fn request_line(id: u64, method: &str, params: Option<Value>) -> String {
    let mut message = Map::new();
    message.insert("jsonrpc".into(), json!("2.0"));
    message.insert("id".into(), json!(id));
    message.insert("method".into(), json!(method));
    if let Some(params) = params {
        message.insert("params".into(), params);
    }
    line(Value::Object(message))
}

/// A notification line (with its newline).
pub fn notification_line(method: &str, params: Option<Value>) -> String {
    let mut message = Map::new();
    message.insert("jsonrpc".into(), json!("2.0"));
    message.insert("method".into(), json!(method));
    if let Some(params) = params {
        message.insert("params".into(), params);
    }
    line(Value::Object(message))
}

/// A success response line to a server request.
pub fn result_line(id: &Value, result: Value) -> String {
    line(json!({"jsonrpc": "2.0", "id": id, "result": result}))
}

/// An error response line to a server request.
pub fn error_line(id: &Value, code: i64, message: &str) -> String {
    line(json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}))
}

fn line(message: Value) -> String {
    // serde_json escapes control characters inside strings, so the text never holds a raw newline.
    let mut text = message.to_string();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_a_request_as_one_line_even_with_newlines_in_strings() {
        let text =
            request_line(7, "tools/call", Some(json!({"name": "generate_sprite", "arguments": {"prompt": "a\nb"}})));
        assert!(text.ends_with('\n'));
        assert_eq!(text.matches('\n').count(), 1, "{text}");
        let value: Value = serde_json::from_str(text.trim_end()).unwrap();
        assert_eq!(value["jsonrpc"], "2.0");
        assert_eq!(value["id"], 7);
        assert_eq!(value["method"], "tools/call");
        assert_eq!(value["params"]["arguments"]["prompt"], "a\nb");
    }

    #[test]
    fn a_notification_has_no_id_and_omits_absent_params() {
        let value: Value =
            serde_json::from_str(notification_line("notifications/initialized", None).trim_end()).unwrap();
        assert_eq!(value, json!({"jsonrpc": "2.0", "method": "notifications/initialized"}));
    }

    #[test]
    fn reads_a_result_and_an_error_by_integer_id() {
        assert_eq!(
            parse_line(r#"{"jsonrpc":"2.0","id":3,"result":{"ok":true}}"#),
            Ok(Incoming::Response { id: 3, outcome: Ok(json!({"ok": true})) })
        );
        assert_eq!(
            parse_line(r#"{"jsonrpc":"2.0","id":4,"error":{"code":-32602,"message":"Unknown tool: make_coffee"}}"#),
            Ok(Incoming::Response {
                id: 4,
                outcome: Err(RpcError { code: -32602, message: "Unknown tool: make_coffee".into(), data: None })
            })
        );
    }

    #[test]
    fn ids_the_client_never_sends_are_unmatched() {
        assert_eq!(
            parse_line(r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#),
            Ok(Incoming::Unmatched {
                id: Value::Null,
                error: Some(RpcError { code: -32700, message: "Parse error".into(), data: None })
            })
        );
        assert!(matches!(
            parse_line(r#"{"jsonrpc":"2.0","id":"x","result":{}}"#),
            Ok(Incoming::Unmatched { error: None, .. })
        ));
        assert!(matches!(parse_line(r#"{"jsonrpc":"2.0","id":-1,"result":{}}"#), Ok(Incoming::Unmatched { .. })));
    }

    #[test]
    fn tells_server_requests_from_notifications() {
        assert_eq!(
            parse_line(r#"{"jsonrpc":"2.0","id":"s1","method":"ping"}"#),
            Ok(Incoming::Request { id: json!("s1"), method: "ping".into(), params: None })
        );
        assert_eq!(
            parse_line(
                r#"{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":2,"progress":1}}"#
            ),
            Ok(Incoming::Notification {
                method: "notifications/progress".into(),
                params: Some(json!({"progressToken": 2, "progress": 1}))
            })
        );
    }

    #[test]
    fn refuses_what_is_not_json_rpc_2() {
        for line in [
            "not json",
            "[]",
            r#"[{"jsonrpc":"2.0","id":1,"result":{}}]"#,
            r#"{"id":1,"result":{}}"#,
            r#"{"jsonrpc":"1.0","id":1,"result":{}}"#,
            r#"{"jsonrpc":"2.0","id":1}"#,
            r#"{"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"x"}}"#,
            r#"{"jsonrpc":"2.0","id":1,"error":{"message":"no code"}}"#,
            r#"{"jsonrpc":"2.0","method":5}"#,
            r#"{"jsonrpc":"2.0"}"#,
        ] {
            assert!(parse_line(line).is_err(), "{line}");
        }
    }

    #[test]
    fn answers_server_requests_with_their_own_id() {
        let ok: Value = serde_json::from_str(result_line(&json!("s1"), json!({})).trim_end()).unwrap();
        assert_eq!(ok, json!({"jsonrpc": "2.0", "id": "s1", "result": {}}));
        let refused: Value =
            serde_json::from_str(error_line(&json!(9), METHOD_NOT_FOUND, "no such method").trim_end()).unwrap();
        assert_eq!(refused["error"]["code"], -32601);
        assert_eq!(refused["id"], 9);
    }
}
