using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Classes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Attributes;

/// <summary>
/// <c>attribute-lookup</c>: classes, an instance with some attributes set, and <c>obj.name</c> or <c>Class.name</c>;
/// the trace shows each class dict of the MRO searched, data descriptors, the instance dict, non-data descriptors and
/// class attributes, __getattribute__ and __getattr__, or the exception a class statement raised.
/// </summary>
public sealed class AttributeLookupSimulator : ISimulator
{
    public const int MaxSourceLength = 4000;
    public const int MaxExpressionLength = 100;

    private const string NotYet = "is not supported by Pynsights yet";

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "attribute-lookup",
        Title: "Attribute lookup: descriptors, the instance dict, __getattribute__ and __getattr__",
        Summary: "Reads obj.name as object.__getattribute__ does: each class dict of the MRO is searched in order "
            + "and a data descriptor found there (property, __slots__ member, a class with __get__ and __set__) wins; "
            + "otherwise the instance __dict__; otherwise a non-data descriptor (function, classmethod, staticmethod, "
            + "a class with __get__ only) or a plain class attribute. A __getattribute__ defined along the MRO runs "
            + "instead (slot_tp_getattr_hook), and __getattr__ after an AttributeError. Class.name is read as "
            + "type.__getattribute__ does (descriptors' __get__(None, cls); type.mro from the metatype). The source "
            + "holds classes with bases from the source or object (the MRO by C3, with CPython's TypeError for an "
            + "inconsistent MRO, a duplicate base or an instance lay-out conflict such as two bases with non-empty "
            + "__slots__), bodies of constants, defs, @property/@staticmethod/@classmethod, descriptor instances, "
            + "__slots__, and __getattribute__/__getattr__ that return a constant, raise AttributeError or call "
            + "object.__getattribute__ or super().__getattribute__; then obj = Class() and obj.attr = constant lines. "
            + "Not yet: builtin bases, metaclasses, __setattr__, assignments that raise. The result says where the "
            + "value came from, or gives CPython's exact exception for the version.",
        Topics: ["language-dunder-methods"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 2,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "attribute-lookup input",
              "description": "Classes and an instance, then the attribute to read.",
              "type": "object",
              "required": ["source", "expression"],
              "additionalProperties": false,
              "properties": {
                "source": { "description": "Class statements (bases: classes of the source or object), then obj = ClassName() and obj.attr = constant lines.", "type": "string", "maxLength": 4000 },
                "expression": { "description": "The attribute read, e.g. \"obj.x\" or \"ClassName.x\".", "type": "string", "maxLength": 100 }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("sourceLength", MaxSourceLength, "Longest source, in characters."),
            new InputLimit("expressionLength", MaxExpressionLength, "Longest expression, in characters."),
        ],
        Examples:
        [
            new JsonObject
            {
                ["source"] = "class A:\n    x = 'class attribute'\n    @property\n    def p(self):\n        return 'property'\n\nobj = A()\nobj.x = 'instance'\n",
                ["expression"] = "obj.x",
            },
            new JsonObject
            {
                ["source"] = "class Loud:\n    def __get__(self, obj, objtype=None):\n        return 'Loud.__get__'\n    def __set__(self, obj, value):\n        pass\n\nclass A:\n    x = Loud()\n\nobj = A()\nobj.x = 'ignored'\n",
                ["expression"] = "obj.x",
            },
            new JsonObject
            {
                ["source"] = "class A:\n    __slots__ = ('x',)\n    def __getattr__(self, name):\n        return 'fallback'\n\nobj = A()\n",
                ["expression"] = "obj.x",
            },
            new JsonObject
            {
                ["source"] = "class Loud:\n    def __get__(self, obj, objtype=None):\n        return 'Loud.__get__'\n    def __set__(self, obj, value):\n        pass\n\nclass A:\n    pass\n\nclass B(A):\n    pass\n\nclass C(A):\n    x = Loud()\n\nclass D(B, C):\n    pass\n\nobj = D()\nobj.x = 'instance'\n",
                ["expression"] = "obj.x",
            },
            new JsonObject
            {
                ["source"] = "class A:\n    x = 'A.x'\n    def __getattribute__(self, name):\n        raise AttributeError(name)\n    def __getattr__(self, name):\n        return 'A.__getattr__'\n\nobj = A()\n",
                ["expression"] = "obj.x",
            },
        ]);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        string? source = null, expression = null;
        if (reader.Object(input, "", "source", "expression"))
        {
            source = reader.RequiredString(input, "source", MaxSourceLength);
            expression = reader.RequiredString(input, "expression", MaxExpressionLength);
        }

        AttributeLookupRun? run = null;
        if (source is not null && expression is not null)
        {
            var error = Build(source, expression, version, out run);
            if (error is not null)
            {
                reader.Report(error.Value.Field, error.Value.Message);
            }
        }

        problems = reader.Problems;
        return reader.HasProblems ? null : run;
    }

    private static (string Field, string Message)? Build(string source, string expression, PythonVersion version, out AttributeLookupRun? run)
    {
        run = null;
        var parsed = PythonSyntax.Parse(source, SyntaxExtensions.Raise);
        if (parsed.Diagnostic is { } diagnostic)
        {
            return ("source", $"{diagnostic.Type}: {diagnostic.Message} (line {diagnostic.Line}, column {diagnostic.Column}).");
        }

        // First pass, before anything runs: read each class body and check the shape of every line.
        var builtins = BuiltinTypes.Create();
        var bodies = new Dictionary<string, ClassBody>(StringComparer.Ordinal);
        var instances = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<(AstNode Node, ClassBody? Body)>();
        foreach (var statement in parsed.Module!.Nodes("body"))
        {
            var line = statement!.Span!.Value.Line;
            if (StatementProblem(statement, bodies, instances, builtins, version, line) is { } problem)
            {
                return ("source", $"line {line}: {problem}");
            }

            ClassBody? body = null;
            if (statement.Type == "ClassDef")
            {
                (body, var bodyProblem) = ClassBodyReader.Read(statement, bodies, line);
                if (bodyProblem is not null)
                {
                    return ("source", $"line {line}: {bodyProblem}");
                }

                bodies[body!.Name] = body;
                instances.Remove(body.Name);
            }
            else if (statement.Nodes("targets") is [{ Type: "Name" } instance])
            {
                instances.Add(instance.Identifier("id")!);
                bodies.Remove(instance.Identifier("id")!);
            }

            lines.Add((statement, body));
        }

        var classCount = lines.Count(l => l.Body is not null);
        if (classCount > MroSimulator.MaxClasses)
        {
            return ("source", $"has {classCount} class statements; the limit is {MroSimulator.MaxClasses}.");
        }

        var expr = PythonSyntax.Parse(expression);
        if (expr.Module?.Nodes("body") is not [{ Type: "Expr" } e] || e.Node("value") is not { Type: "Attribute" } read
            || read.Node("value") is not { Type: "Name" } objName || read.Identifier("attr")!.StartsWith("__", StringComparison.Ordinal)
            || !(instances.Contains(objName.Identifier("id")!) || bodies.ContainsKey(objName.Identifier("id")!)))
        {
            return ("expression", "must be instance.attribute or Class.attribute for an instance or class the source creates (not a dunder name), e.g. obj.x.");
        }

        // Then the source runs: type_new creates each class (best_base, C3), and the instance lines run in order.
        var statements = lines.Where(l => l.Body is not null).Select(l => new ClassStatement(l.Body!.Name, l.Body.BaseNames, l.Body.Line, l.Body.Slots)).ToList();
        var creation = new MroRun(new JsonObject(), version, statements, statements.Count > 0 ? statements[^1].Name : "object");
        foreach (var _ in creation.Steps())
        {
        }

        var created = new Dictionary<PyClass, SourceClass>();
        var classes = new Dictionary<string, SourceClass>(StringComparer.Ordinal);
        var objects = new Dictionary<string, Instance>(StringComparer.Ordinal);
        var label = objName.Identifier("id")!;
        foreach (var (statement, body) in lines)
        {
            var line = statement.Span!.Value.Line;
            if (body is not null)
            {
                if (created.Count == creation.Created.Count)
                {
                    var error = ((MroResult)creation.Result).Error!;
                    run = new AttributeLookupRun(Canonical(source, expression), version,
                        new AttributeTarget(label, null, false, Empty, Empty, (error, body.Name, line)), read.Identifier("attr")!);
                    return null;
                }

                var pyClass = creation.Created[created.Count];
                var cls = new SourceClass(body, pyClass.Mro.Skip(1).Where(c => !c.IsBuiltin).Select(c => created[c]), pyClass.HasDict);
                created[pyClass] = cls;
                classes[cls.Name] = cls;
                objects.Remove(cls.Name);
            }
            else if (statement.Nodes("targets") is [{ Type: "Name" } target])
            {
                var className = statement.Node("value").Node("func").Identifier("id")!;
                objects[target.Identifier("id")!] = new Instance(classes[className]);
                classes.Remove(target.Identifier("id")!);
            }
            else if (SetAttribute(statement, objects) is { } problem)
            {
                return ("source", $"line {line}: {problem}");
            }
        }

        var attr = read.Identifier("attr")!;
        run = new AttributeLookupRun(Canonical(source, expression), version, objects.TryGetValue(label, out var obj)
            ? new AttributeTarget(label, obj.Type, false, obj.Dict, obj.Slots, null)
            : new AttributeTarget(label, classes[label], true, Empty, Empty, null), attr);
        return null;
    }

    private static readonly IReadOnlyDictionary<string, PyValue> Empty = new Dictionary<string, PyValue>();

    private static JsonObject Canonical(string source, string expression) => new() { ["source"] = source, ["expression"] = expression };

    /// <summary>The first pass's check of one top-level statement: its shape and the names it uses.</summary>
    private static string? StatementProblem(AstNode statement, Dictionary<string, ClassBody> bodies, HashSet<string> instances,
        IReadOnlyDictionary<string, PyClass> builtins, PythonVersion version, int line)
    {
        string? bound = null;
        switch (statement.Type)
        {
            case "ClassDef":
                bound = statement.Identifier("name");
                var bases = statement.Nodes("bases");
                if (bases.Count > MroSimulator.MaxBases)
                {
                    return $"class {bound} has {bases.Count} bases; the limit is {MroSimulator.MaxBases}.";
                }

                foreach (var @base in bases)
                {
                    // An undefined name is fine: the class statement raises NameError, as CPython's does.
                    var baseName = @base!.Type == "Name" ? @base.Identifier("id")! : null;
                    if (baseName is not null && !bodies.ContainsKey(baseName) && baseName != "object"
                        && (instances.Contains(baseName) || builtins.ContainsKey(baseName) || BuiltinTypes.IsUnmodelled(baseName, version)))
                    {
                        return $"the base '{baseName}': bases must be classes of the source or object; other bases {NotYet}.";
                    }
                }

                break;
            case "Assign" when statement.Nodes("targets") is [{ Type: "Name" } target]
                               && statement.Node("value") is { Type: "Call" } call && call.Node("func") is { Type: "Name" } func
                               && call.Nodes("args").Count == 0 && call.Nodes("keywords").Count == 0:
                if (!bodies.ContainsKey(func.Identifier("id")!))
                {
                    return $"{func.Identifier("id")}() must call a class defined earlier in the source.";
                }

                bound = target.Identifier("id");
                break;
            case "Assign" when statement.Nodes("targets") is [{ Type: "Attribute" } attribute]
                               && attribute.Node("value") is { Type: "Name" } owner && instances.Contains(owner.Identifier("id")!)
                               && statement.Node("value") is { Type: "Constant" }:
                return attribute.Identifier("attr")!.StartsWith("__", StringComparison.Ordinal) ? $"setting dunder attributes {NotYet}." : null;
            default:
                return "only class statements, obj = ClassName() and obj.attr = constant lines are supported yet.";
        }

        return builtins.ContainsKey(bound!) || BuiltinTypes.IsUnmodelled(bound!, version) || bound is "super"
            ? $"the name '{bound}' hides a builtin; such sources {NotYet}."
            : null;
    }

    /// <summary>PyObject_GenericSetAttr for <c>obj.attr = constant</c>: a data descriptor's __set__ first, else the instance dict.</summary>
    private static string? SetAttribute(AstNode statement, Dictionary<string, Instance> objects)
    {
        var attribute = statement.Nodes("targets")[0]!;
        var instance = objects[attribute.Node("value").Identifier("id")!];
        var attr = attribute.Identifier("attr")!;
        var value = (PyValue)statement.Node("value")["value"]!;
        var descr = instance.Type.Lookup(attr);
        if (descr is { IsData: true })
        {
            switch (descr.Kind)
            {
                case AttributeKind.Slot:
                    instance.Slots[attr] = value;
                    return null;
                case AttributeKind.Descriptor when descr.Descriptor!.HasSet:
                    // The source's __set__ bodies are pass: the value goes nowhere.
                    return null;
                default:
                    return $"this assignment raises in CPython (no setter); assignments that raise {NotYet}.";
            }
        }

        if (!instance.Type.InstancesHaveDict)
        {
            return $"this assignment raises in CPython (no __dict__); assignments that raise {NotYet}.";
        }

        instance.Dict[attr] = value;
        return null;
    }

    /// <summary>An instance the source made, with what its lines stored in its __dict__ and its slots.</summary>
    private sealed class Instance(SourceClass type)
    {
        public SourceClass Type { get; } = type;

        public Dictionary<string, PyValue> Dict { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, PyValue> Slots { get; } = new(StringComparer.Ordinal);
    }
}
