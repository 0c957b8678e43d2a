namespace EventDialogue.Domain.Common;

// One overload per number of fields, so that a decider gets each checked value back by name and typed, and no
// value of a wrong field can reach the event it builds. Twelve covers the widest command (RecordStatement).
public static partial class Fields
{
    public static (T1, T2) All<T1, T2>(FieldCheck<T1> c1, FieldCheck<T2> c2)
    {
        RequireAll(c1, c2);
        return (c1.OrThrow(), c2.OrThrow());
    }

    public static (T1, T2, T3) All<T1, T2, T3>(FieldCheck<T1> c1, FieldCheck<T2> c2, FieldCheck<T3> c3)
    {
        RequireAll(c1, c2, c3);
        return (c1.OrThrow(), c2.OrThrow(), c3.OrThrow());
    }

    public static (T1, T2, T3, T4) All<T1, T2, T3, T4>(FieldCheck<T1> c1, FieldCheck<T2> c2, FieldCheck<T3> c3, FieldCheck<T4> c4)
    {
        RequireAll(c1, c2, c3, c4);
        return (c1.OrThrow(), c2.OrThrow(), c3.OrThrow(), c4.OrThrow());
    }

    public static (T1, T2, T3, T4, T5) All<T1, T2, T3, T4, T5>(FieldCheck<T1> c1, FieldCheck<T2> c2, FieldCheck<T3> c3, FieldCheck<T4> c4, FieldCheck<T5> c5)
    {
        RequireAll(c1, c2, c3, c4, c5);
        return (c1.OrThrow(), c2.OrThrow(), c3.OrThrow(), c4.OrThrow(), c5.OrThrow());
    }

    public static (T1, T2, T3, T4, T5, T6) All<T1, T2, T3, T4, T5, T6>(FieldCheck<T1> c1, FieldCheck<T2> c2, FieldCheck<T3> c3, FieldCheck<T4> c4, FieldCheck<T5> c5, FieldCheck<T6> c6)
    {
        RequireAll(c1, c2, c3, c4, c5, c6);
        return (c1.OrThrow(), c2.OrThrow(), c3.OrThrow(), c4.OrThrow(), c5.OrThrow(), c6.OrThrow());
    }

    public static (T1, T2, T3, T4, T5, T6, T7) All<T1, T2, T3, T4, T5, T6, T7>(FieldCheck<T1> c1, FieldCheck<T2> c2, FieldCheck<T3> c3, FieldCheck<T4> c4, FieldCheck<T5> c5, FieldCheck<T6> c6, FieldCheck<T7> c7)
    {
        RequireAll(c1, c2, c3, c4, c5, c6, c7);
        return (c1.OrThrow(), c2.OrThrow(), c3.OrThrow(), c4.OrThrow(), c5.OrThrow(), c6.OrThrow(), c7.OrThrow());
    }

    public static (T1, T2, T3, T4, T5, T6, T7, T8) All<T1, T2, T3, T4, T5, T6, T7, T8>(FieldCheck<T1> c1, FieldCheck<T2> c2, FieldCheck<T3> c3, FieldCheck<T4> c4, FieldCheck<T5> c5, FieldCheck<T6> c6, FieldCheck<T7> c7, FieldCheck<T8> c8)
    {
        RequireAll(c1, c2, c3, c4, c5, c6, c7, c8);
        return (c1.OrThrow(), c2.OrThrow(), c3.OrThrow(), c4.OrThrow(), c5.OrThrow(), c6.OrThrow(), c7.OrThrow(), c8.OrThrow());
    }

    public static (T1, T2, T3, T4, T5, T6, T7, T8, T9) All<T1, T2, T3, T4, T5, T6, T7, T8, T9>(FieldCheck<T1> c1, FieldCheck<T2> c2, FieldCheck<T3> c3, FieldCheck<T4> c4, FieldCheck<T5> c5, FieldCheck<T6> c6, FieldCheck<T7> c7, FieldCheck<T8> c8, FieldCheck<T9> c9)
    {
        RequireAll(c1, c2, c3, c4, c5, c6, c7, c8, c9);
        return (c1.OrThrow(), c2.OrThrow(), c3.OrThrow(), c4.OrThrow(), c5.OrThrow(), c6.OrThrow(), c7.OrThrow(), c8.OrThrow(), c9.OrThrow());
    }

    public static (T1, T2, T3, T4, T5, T6, T7, T8, T9, T10) All<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(FieldCheck<T1> c1, FieldCheck<T2> c2, FieldCheck<T3> c3, FieldCheck<T4> c4, FieldCheck<T5> c5, FieldCheck<T6> c6, FieldCheck<T7> c7, FieldCheck<T8> c8, FieldCheck<T9> c9, FieldCheck<T10> c10)
    {
        RequireAll(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10);
        return (c1.OrThrow(), c2.OrThrow(), c3.OrThrow(), c4.OrThrow(), c5.OrThrow(), c6.OrThrow(), c7.OrThrow(), c8.OrThrow(), c9.OrThrow(), c10.OrThrow());
    }

    public static (T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11) All<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(FieldCheck<T1> c1, FieldCheck<T2> c2, FieldCheck<T3> c3, FieldCheck<T4> c4, FieldCheck<T5> c5, FieldCheck<T6> c6, FieldCheck<T7> c7, FieldCheck<T8> c8, FieldCheck<T9> c9, FieldCheck<T10> c10, FieldCheck<T11> c11)
    {
        RequireAll(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11);
        return (c1.OrThrow(), c2.OrThrow(), c3.OrThrow(), c4.OrThrow(), c5.OrThrow(), c6.OrThrow(), c7.OrThrow(), c8.OrThrow(), c9.OrThrow(), c10.OrThrow(), c11.OrThrow());
    }

    public static (T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12) All<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(FieldCheck<T1> c1, FieldCheck<T2> c2, FieldCheck<T3> c3, FieldCheck<T4> c4, FieldCheck<T5> c5, FieldCheck<T6> c6, FieldCheck<T7> c7, FieldCheck<T8> c8, FieldCheck<T9> c9, FieldCheck<T10> c10, FieldCheck<T11> c11, FieldCheck<T12> c12)
    {
        RequireAll(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12);
        return (c1.OrThrow(), c2.OrThrow(), c3.OrThrow(), c4.OrThrow(), c5.OrThrow(), c6.OrThrow(), c7.OrThrow(), c8.OrThrow(), c9.OrThrow(), c10.OrThrow(), c11.OrThrow(), c12.OrThrow());
    }
}
