def test_reportlab_runs_with_its_c_speed_ups() -> None:
    """rl_accel (reportlab[accel]) makes long reports several times faster to lay out."""
    from reportlab.lib import rl_accel

    assert {"fp_str", "instanceStringWidthTTF", "escapePDF"} <= set(rl_accel._c_funcs)
