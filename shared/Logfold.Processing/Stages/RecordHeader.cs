namespace Logfold.Processing.Stages;

/// <summary>One header a stage adds to an emitted record.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Value">The header value bytes.</param>
public readonly record struct RecordHeader(string Name, byte[] Value);
