using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Attributes;

/// <summary>Reads a class statement of the attribute-lookup source into a <see cref="ClassBody"/>, or says what is not supported.</summary>
internal static class ClassBodyReader
{
    private const string NotYet = "is not supported by Pynsights yet";

    public static (ClassBody? Body, string? Problem) Read(AstNode node, IReadOnlyDictionary<string, ClassBody> classes, int line)
    {
        if (node.Nodes("keywords").Count > 0 || node.Nodes("decorator_list").Count > 0)
        {
            return (null, $"class keywords and decorators {NotYet}.");
        }

        var bases = new List<string>();
        foreach (var @base in node.Nodes("bases"))
        {
            if (@base!.Type != "Name")
            {
                return (null, "bases must be class names.");
            }

            bases.Add(@base.Identifier("id")!);
        }

        var name = node.Identifier("name")!;
        var dict = new Dictionary<string, Attribute>(StringComparer.Ordinal);
        List<string>? slots = null;
        Hook? getattr = null, getattribute = null;
        PyValue? get = null;
        bool hasSet = false, hasDelete = false;
        foreach (var member in node.Nodes("body"))
        {
            switch (member!.Type)
            {
                case "Pass":
                case "Expr" when member.Node("value").Type == "Constant":
                    continue;
                case "Assign" when member.Nodes("targets") is [{ Type: "Name" } target]:
                {
                    var attr = target.Identifier("id")!;
                    var value = member.Node("value");
                    if (attr == "__slots__")
                    {
                        slots = SlotNames(value);
                        if (slots is null || slots.Any(s => s.StartsWith("__", StringComparison.Ordinal)))
                        {
                            return (null, $"__slots__ must be a string or a tuple/list of plain ASCII names here; other forms {NotYet}.");
                        }

                        if (slots.Distinct(StringComparer.Ordinal).Count() != slots.Count)
                        {
                            return (null, $"a name repeated in __slots__ {NotYet}.");
                        }

                        continue;
                    }

                    if (attr.StartsWith("__", StringComparison.Ordinal))
                    {
                        return (null, $"assigning '{attr}' in a class body {NotYet}.");
                    }

                    if (value is { Type: "Constant" })
                    {
                        dict[attr] = new Attribute(AttributeKind.Constant, name, attr, (PyValue)value["value"]!, null);
                    }
                    else if (value is { Type: "Call" } call && call.Node("func") is { Type: "Name" } f && call.Nodes("args").Count == 0
                             && call.Nodes("keywords").Count == 0 && classes.TryGetValue(f.Identifier("id")!, out var descriptorClass)
                             && descriptorClass.AsDescriptor is { } descriptor)
                    {
                        if (descriptorClass.BaseNames.Any(b => b != "object"))
                        {
                            return (null, $"descriptor classes with bases {NotYet} (their __get__ and __set__ would come from the MRO).");
                        }

                        dict[attr] = new Attribute(AttributeKind.Descriptor, name, attr, null, descriptor);
                    }
                    else
                    {
                        return (null, "class attributes must be constants or instances of a descriptor class (with __get__) of the source.");
                    }

                    continue;
                }

                case "FunctionDef":
                {
                    var fname = member.Identifier("name")!;
                    var decorators = member.Nodes("decorator_list");
                    var returned = ReturnedConstant(member);
                    if (decorators.Count == 0)
                    {
                        switch (fname)
                        {
                            case "__getattr__" or "__getattribute__":
                                var hook = ReadHook(member, name, fname == "__getattribute__");
                                if (hook is null)
                                {
                                    return (null, $"{fname}(self, name) must be one statement: return a constant, raise AttributeError (no argument, the name or a string)"
                                        + (fname == "__getattribute__" ? ", return object.__getattribute__(self, name) or return super().__getattribute__(name)." : "."));
                                }

                                (getattr, getattribute) = fname == "__getattr__" ? (hook, getattribute) : (getattr, hook);
                                continue;
                            case "__get__" when returned is not null:
                                get = returned;
                                continue;
                            case "__set__" when IsPassBody(member):
                                hasSet = true;
                                continue;
                            case "__delete__" when IsPassBody(member):
                                hasDelete = true;
                                continue;
                            case var dunder when dunder.StartsWith("__", StringComparison.Ordinal):
                                return (null, $"defining {dunder} {NotYet} (special methods: __getattribute__, __getattr__, __get__, __set__, __delete__).");
                            default:
                                dict[fname] = new Attribute(AttributeKind.Method, name, fname, null, null);
                                continue;
                        }
                    }

                    if (decorators is [{ Type: "Name" } decorator] && !fname.StartsWith("__", StringComparison.Ordinal))
                    {
                        switch (decorator.Identifier("id"))
                        {
                            case "property" when returned is not null:
                                dict[fname] = new Attribute(AttributeKind.Property, name, fname, returned, null);
                                continue;
                            case "staticmethod":
                                dict[fname] = new Attribute(AttributeKind.StaticMethod, name, fname, null, null);
                                continue;
                            case "classmethod":
                                dict[fname] = new Attribute(AttributeKind.ClassMethod, name, fname, null, null);
                                continue;
                        }
                    }

                    return (null, $"the def {fname}: only plain defs, @property (returning a constant), @staticmethod and @classmethod are supported yet.");
                }

                default:
                    return (null, $"this statement in a class body {NotYet}.");
            }
        }

        if (slots is not null)
        {
            foreach (var slot in slots)
            {
                if (dict.ContainsKey(slot))
                {
                    return (null, $"'{slot}' in __slots__ conflicts with class variable (a ValueError); such classes {NotYet}.");
                }

                dict[slot] = new Attribute(AttributeKind.Slot, name, slot, null, null);
            }
        }

        if ((hasSet || hasDelete) && get is null)
        {
            return (null, $"descriptor classes without __get__ {NotYet}.");
        }

        var asDescriptor = get is null ? null : new DescriptorClass(name, get, hasSet || hasDelete, hasSet);
        return (new ClassBody(name, bases, line, dict, slots, getattr, getattribute, asDescriptor), null);
    }

    /// <summary>A <c>def hook(self, name)</c> whose one statement (docstrings aside) is one of <see cref="HookAction"/>.</summary>
    private static Hook? ReadHook(AstNode def, string owner, bool getattribute)
    {
        var args = def.Node("args");
        if (args.Nodes("posonlyargs").Count > 0 || args.Nodes("kwonlyargs").Count > 0 || args.Nodes("defaults").Count > 0
            || args.OptionalNode("vararg") is not null || args.OptionalNode("kwarg") is not null
            || args.Nodes("args") is not [{ } selfArg, { } nameArg] || def.OptionalNode("returns") is not null
            || selfArg.OptionalNode("annotation") is not null || nameArg.OptionalNode("annotation") is not null)
        {
            return null;
        }

        var self = selfArg.Identifier("arg");
        var param = nameArg.Identifier("arg");
        var body = def.Nodes("body").Where(s => !(s!.Type == "Expr" && s.Node("value").Type == "Constant")).ToList();
        switch (body)
        {
            case [{ Type: "Return" } ret] when ret.OptionalNode("value") is { Type: "Constant" } c:
                return new Hook(owner, HookAction.Return, (PyValue)c["value"]!, null);
            case [{ Type: "Return" } ret] when getattribute && ret.OptionalNode("value") is { Type: "Call" } call && call.Nodes("keywords").Count == 0
                                               && call.Node("func") is { Type: "Attribute" } method && method.Identifier("attr") == "__getattribute__":
                var receiver = method.Node("value");
                var callArgs = call.Nodes("args");
                if (receiver is { Type: "Name" } o && o.Identifier("id") == "object" && callArgs is [{ Type: "Name" } s, { Type: "Name" } n]
                    && s.Identifier("id") == self && n.Identifier("id") == param)
                {
                    return new Hook(owner, HookAction.ObjectGetattribute, null, null);
                }

                if (receiver is { Type: "Call" } super && super.Node("func") is { Type: "Name" } superName && superName.Identifier("id") == "super"
                    && super.Nodes("args").Count == 0 && super.Nodes("keywords").Count == 0 && callArgs is [{ Type: "Name" } n2] && n2.Identifier("id") == param)
                {
                    return new Hook(owner, HookAction.SuperGetattribute, null, null);
                }

                return null;
            case [{ Type: "Raise" } raise] when raise.OptionalNode("cause") is null:
                var exc = raise.OptionalNode("exc");
                if (exc is { Type: "Name" } bare && bare.Identifier("id") == "AttributeError")
                {
                    return new Hook(owner, HookAction.Raise, null, "");
                }

                if (exc is { Type: "Call" } raised && raised.Node("func") is { Type: "Name" } cls && cls.Identifier("id") == "AttributeError"
                    && raised.Nodes("keywords").Count == 0)
                {
                    switch (raised.Nodes("args"))
                    {
                        case []:
                            return new Hook(owner, HookAction.Raise, null, "");
                        case [{ Type: "Name" } arg] when arg.Identifier("id") == param:
                            return new Hook(owner, HookAction.Raise, null, null);
                        case [{ Type: "Constant" } text] when text["value"] is PyStr str && Text(str) is { } message:
                            return new Hook(owner, HookAction.Raise, null, message);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The string's text; null when it holds a lone surrogate, which a .NET string cannot carry faithfully.</summary>
    private static string? Text(PyStr s) =>
        s.CodePoints.Any(c => c is >= 0xD800 and <= 0xDFFF) ? null : string.Concat(s.CodePoints.Select(char.ConvertFromUtf32));

    /// <summary>The slot names, when each is an ASCII identifier (CPython checks identifiers; we accept the plain ones).</summary>
    private static List<string>? SlotNames(AstNode value)
    {
        List<AstNode?> items = value switch
        {
            { Type: "Constant" } => [value],
            { Type: "Tuple" or "List" } => [.. value.Nodes("elts")],
            _ => [],
        };
        if (value.Type == "Constant" ? value["value"] is not PyStr : value.Type is not ("Tuple" or "List"))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var item in items)
        {
            if (item is not { Type: "Constant" } || item["value"] is not PyStr str || Text(str) is not { } text || !IsPlainIdentifier(text))
            {
                return null;
            }

            names.Add(text);
        }

        return names;
    }

    private static bool IsPlainIdentifier(string text) =>
        text.Length > 0 && !char.IsAsciiDigit(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static PyValue? ReturnedConstant(AstNode def)
    {
        var body = def.Nodes("body").Where(s => !(s!.Type == "Expr" && s.Node("value").Type == "Constant")).ToList();
        return body is [{ Type: "Return" } ret] && ret.OptionalNode("value") is { Type: "Constant" } c ? (PyValue)c["value"]! : null;
    }

    private static bool IsPassBody(AstNode def) =>
        def.Nodes("body").All(s => s!.Type == "Pass" || (s.Type == "Expr" && s.Node("value").Type == "Constant"));
}
