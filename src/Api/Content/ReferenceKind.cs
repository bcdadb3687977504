namespace Pynsights.Api.Content;

/// <summary>What a reference points at.</summary>
public enum ReferenceKind
{
    Docs,
    Pep,
    Cpython,
    Article,
}
