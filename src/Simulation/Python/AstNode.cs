namespace Pynsights.Simulation.Python;

/// <summary>
/// A node of CPython's <c>ast</c> module (Parser/Python.asdl): its class name, its fields in <c>_fields</c> order and,
/// for statements, expressions, arguments, keywords and patterns, its position. A field value is an
/// <see cref="AstNode"/>, a list of nodes (an item may be null, as in <c>Dict.keys</c>), an identifier
/// <see cref="string"/>, a list of identifiers, a constant <see cref="Values.PyValue"/>, an <see cref="int"/>, or null
/// for an absent optional field.
/// </summary>
public sealed record AstNode(string Type, IReadOnlyList<AstField> Fields, SourceSpan? Span)
{
    /// <summary>The value of field <paramref name="name"/>; throws for a field the node type does not have (a bug).</summary>
    public object? this[string name]
    {
        get
        {
            foreach (var field in Fields)
            {
                if (field.Name == name)
                {
                    return field.Value;
                }
            }

            throw new KeyNotFoundException($"{Type} has no field {name}.");
        }
    }

    public AstNode Node(string name) => (AstNode)this[name]!;

    public AstNode? OptionalNode(string name) => (AstNode?)this[name];

    public IReadOnlyList<AstNode?> Nodes(string name) => (IReadOnlyList<AstNode?>)this[name]!;

    public string? Identifier(string name) => (string?)this[name];

    /// <summary>A copy with field <paramref name="name"/> replaced.</summary>
    public AstNode With(string name, object? value) =>
        this with { Fields = [.. Fields.Select(f => f.Name == name ? new AstField(name, value) : f)] };
}
