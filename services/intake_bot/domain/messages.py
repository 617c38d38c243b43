"""What the chat channels themselves say (the dialog has its own catalogue). Short, kind,
everyday words; each says what to do next."""

from __future__ import annotations

TOO_LONG = "您发的字有点多，我看不过来。请分几次发，每次不超过{limit}个字。"
EMPTY = "您好像没有打字。请告诉我您想办什么。"
TOO_FAST = "您发得太快了，请稍等一会儿再发。"
BUSY = "系统有点忙，您刚才的话我没记下来。请过一会儿再发一次。"
SUBMIT_FAILED = "系统有点忙，申请还没交上去。您的信息我都记着，请过一会儿回复“是”再交一次。"
RESTARTED = "系统更新了，刚才的内容没能保留。我们从头开始，很抱歉。"
# A session that no longer exists (it expired, or Redis lost its data). Submitted applications
# are not kept in the session but on the broker, so the promise holds; the one exception is an
# application still waiting in the outbox (broker down) when Redis loses its data as well.
SESSION_LOST = (
    "对不起，上次聊的内容没能留下来，要请您从头再说一遍。"
    "您已经交上去的申请还在，不会丢，会照常审核。"
)
BAD_FRAME = "消息格式不对，请刷新页面再试。"
SHUTTING_DOWN = "系统正在更新，马上就好，页面会自动重新连上。"
