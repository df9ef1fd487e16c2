namespace RJH.DeviceWorkflows.Host.Ui;

/// <summary>
/// Texts of the shell and of what many pages share (roles, common buttons): <c>IStringLocalizer&lt;UiText&gt;</c>
/// reads <c>UiText.resx</c> (Swedish, the default) and <c>UiText.en.resx</c>. A page's own texts sit in a
/// .resx beside the page. Edit both languages at once with <c>tools/resx.py</c>.
/// </summary>
public sealed class UiText;
