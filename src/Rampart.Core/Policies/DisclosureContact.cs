namespace Rampart.Core.Policies;

/// <summary>Where outsiders report vulnerabilities (TVM-01's disclosure channel).</summary>
/// <param name="Kind">"email" or "url".</param>
/// <param name="Value">The address, or an https URL (a security.txt or a reporting form).</param>
public sealed record DisclosureContact(string Kind, string Value);
