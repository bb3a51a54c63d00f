"""Sample form data, ordinary and deliberately overlong, shared by the printing tests."""

from __future__ import annotations

from datetime import date, datetime

from desk_app.printing.data import (
    ApplianceTagData,
    CheckInReceiptData,
    CompanyHeader,
    CountLine,
    CountSheetData,
    FeedbackFormData,
    LikelyPart,
    RequisitionData,
    RequisitionLine,
    ReturnedPartLine,
    ReturnedPartSlipData,
    RouteSheetData,
    RouteStop,
    TechnicianDayData,
    WorkOrderData,
)

HEADER = CompanyHeader(
    name="华安家电售后服务中心",
    address="北京市朝阳区建国路88号华安大厦一层",
    hotline="400-800-1234",
)

LONG_HEADER = CompanyHeader(
    name="华安（中国）家用电器股份有限公司北京朝阳区第二售后服务中心暨配件供应站",
    address=(
        "北京市朝阳区建国路甲88号华安国际大厦B座一层101至105室（地铁1号线大望路站C口"
        "向东步行约三百米，停车场入口在大厦北侧辅路）"
    ),
    hotline="400-800-1234 / 010-6588-8888 （工作日 8:00–20:00，节假日 9:00–17:00）",
)

LONG_ZH = (
    "客户反映：空调开机后约十分钟室内机开始滴水，制冷效果明显下降，遥控器显示屏偶尔出现E4故障代码，"
    "断电重启后可以短暂恢复，但半小时后又出现同样问题。客户称上周曾有小区物业人员帮忙清洗过过滤网，"
    "之后问题更加严重，夜间运行时室外机有明显的异常噪音，类似金属摩擦声。"
)


def work_order(ticket_no: str = "WX20240501-0001", **changes: object) -> WorkOrderData:
    base = WorkOrderData(
        ticket_no=ticket_no,
        kind="repair",
        urgency="urgent",
        status="dispatched",
        customer_name="张伟",
        phones=("13812345678", "010-65881234"),
        address="北京市朝阳区望京街道花家地北里12号楼3单元502室",
        area="朝阳区望京片区",
        product_type="分体式空调",
        brand="华安",
        model="KFR-35GW/BP3DN1Y",
        serial_no="SN2023A0987654321",
        purchase_date=date(2022, 6, 18),
        warranty="in",
        fault_description="空调制冷效果差，室内机滴水，显示E4故障代码。",
        appointment_start=datetime(2024, 5, 2, 14, 0),
        appointment_end=datetime(2024, 5, 2, 16, 0),
        technician="李强",
        technician_phone="13900001111",
        likely_parts=(
            LikelyPart(code="P-10023", name="排水泵", model="DP-12V", qty=1),
            LikelyPart(code="P-20451", name="温度传感器", model="NTC-10K", qty=2),
        ),
        tools="压力表、检漏仪、真空泵",
        charge_standard="保内免费维修；保外人工费¥80.00起，配件按公司统一价格收取。",
        created_at=datetime(2024, 5, 1, 9, 30),
        respond_by=datetime(2024, 5, 2, 9, 30),
        visit_by=datetime(2024, 5, 3, 9, 30),
        repair_by=datetime(2024, 5, 4, 9, 30),
        notes="客户白天上班，请提前一小时电话联系。",
        language="zh_CN",
    )
    return _replace(base, **changes)


def long_work_order(ticket_no: str = "WX20240501-0099", language: str = "zh_CN") -> WorkOrderData:
    return work_order(
        ticket_no,
        customer_name="欧阳司马慕容诸葛上官东方皇甫尉迟公孙长孙宇文轩辕令狐钟离",
        phones=("13812345678", "13987654321", "010-65881234转8001", "0571-88886666"),
        address=LONG_HEADER.address * 2,
        area="朝阳区望京街道及酒仙桥街道交界片区（东四环外）",
        product_type="家用中央空调多联机系统（一拖五）",
        brand="华安（中国）家用电器股份有限公司",
        model="KFR-120W/BP3DN1Y-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789",
        serial_no="SN2023A0987654321SN2023A0987654321",
        fault_description=LONG_ZH * 12,
        likely_parts=tuple(
            LikelyPart(
                code=f"P-{i:05d}",
                name=f"压缩机启动电容及配套接线端子组件{i}",
                model="CBB65-450V-35μF-ABCDEF",
                qty=i,
            )
            for i in range(1, 9)
        ),
        tools="压力表、检漏仪、真空泵、焊枪、氮气瓶、冷媒R32（约1.5公斤）、万用表、钳形电流表",
        charge_standard=LONG_ZH * 2,
        notes=LONG_ZH * 2,
        technician="司马慕容诸葛",
        language=language,
    )


def feedback_form(ticket_no: str = "WX20240501-0001", **changes: object) -> FeedbackFormData:
    base = FeedbackFormData(
        ticket_no=ticket_no,
        kind="repair",
        customer_name="张伟",
        phones=("13812345678",),
        address="北京市朝阳区望京街道花家地北里12号楼3单元502室",
        product_type="分体式空调",
        brand="华安",
        model="KFR-35GW/BP3DN1Y",
        serial_no="SN2023A0987654321",
        technician="李强",
        service_date=date(2024, 5, 2),
    )
    return _replace(base, **changes)


def long_feedback_form(language: str = "zh_CN") -> FeedbackFormData:
    return feedback_form(
        customer_name="欧阳司马慕容诸葛上官东方皇甫尉迟公孙长孙宇文轩辕令狐钟离",
        phones=("13812345678", "13987654321", "010-65881234转8001"),
        address=LONG_HEADER.address * 2,
        product_type="家用中央空调多联机系统（一拖五）",
        brand="华安（中国）家用电器股份有限公司",
        model="KFR-120W/BP3DN1Y-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789",
        serial_no="SN2023A0987654321SN2023A0987654321",
        technician="司马慕容诸葛",
        language=language,
    )


def requisition(lines: int = 3, language: str = "zh_CN", long: bool = False) -> RequisitionData:
    name = "压缩机启动电容及配套接线端子组件（含固定卡箍与绝缘护套）" if long else "排水泵"
    return RequisitionData(
        requisition_no="LY20240501-007",
        created_at=datetime(2024, 5, 1, 10, 15),
        requested_by="司马慕容诸葛（维修一组）" if long else "李强",
        issued_by="王芳",
        warehouse="总仓库（朝阳区建国路甲88号地下一层配件库A区）" if long else "总仓库",
        lines=tuple(
            RequisitionLine(
                part_code=f"P-{i:05d}",
                name=f"{name}{i}",
                spec="CBB65-450V-35μF-ABCDEFGHIJ" if long else "DP-12V",
                qty=i,
                unit="个",
                unit_price_cents=12345 * i,
                ticket_no=f"WX20240501-{i:04d}",
            )
            for i in range(1, lines + 1)
        ),
        notes=LONG_ZH if long else "",
        language=language,
    )


def returned_slip(
    lines: int = 2, language: str = "zh_CN", long: bool = False
) -> ReturnedPartSlipData:
    return ReturnedPartSlipData(
        slip_no="JH20240502-003",
        ticket_no="WX20240501-0001",
        returned_by="司马慕容诸葛（维修一组）" if long else "李强",
        received_by="王芳",
        returned_at=datetime(2024, 5, 2, 17, 40),
        customer_name="欧阳司马慕容诸葛上官东方皇甫尉迟" if long else "张伟",
        lines=tuple(
            ReturnedPartLine(
                part_code=f"P-{i:05d}",
                name="压缩机启动电容及配套接线端子组件" if long else "排水泵",
                spec="CBB65-450V-35μF-ABCDEFGHIJ" if long else "DP-12V",
                qty=1,
                reason=LONG_ZH if long else "电机烧毁，线圈短路",
            )
            for i in range(1, lines + 1)
        ),
        notes=LONG_ZH if long else "",
        language=language,
    )


def count_sheet(
    lines: int = 300, language: str = "zh_CN", blind: bool = False, long: bool = False
) -> CountSheetData:
    return CountSheetData(
        count_no="PD20240531-01",
        warehouse="总仓库（朝阳区建国路甲88号地下一层配件库A区）" if long else "总仓库",
        count_date=date(2024, 5, 31),
        blind=blind,
        lines=tuple(
            CountLine(
                bin=f"A-{i // 40 + 1:02d}-{i % 40 + 1:02d}",
                part_code=f"P-{i:05d}",
                name=(
                    "压缩机启动电容及配套接线端子组件（含固定卡箍）"
                    if long and i % 7 == 0
                    else f"配件名称{i}"
                ),
                spec="CBB65-450V-35μF" if i % 3 else "DP-12V",
                unit="个",
                system_qty=i % 17,
            )
            for i in range(1, lines + 1)
        ),
        notes=LONG_ZH if long else "",
        language=language,
    )


def check_in(language: str = "zh_CN", long: bool = False) -> CheckInReceiptData:
    return CheckInReceiptData(
        ticket_no="SX20240503-0042",
        kind="repair",
        received_at=datetime(2024, 5, 3, 10, 5),
        received_by="王芳",
        customer_name="欧阳司马慕容诸葛上官东方皇甫尉迟" if long else "张伟",
        phones=("13812345678", "010-65881234转8001") if long else ("13812345678",),
        address=LONG_HEADER.address if long else "北京市朝阳区花家地北里12号楼",
        product_type="微波炉",
        brand="华安（中国）家用电器股份有限公司" if long else "华安",
        model="MW-2308-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789" if long else "MW-2308",
        serial_no="SN2021M12345678SN2021M12345678" if long else "SN2021M12345678",
        purchase_date=date(2021, 11, 11),
        warranty="out",
        accessories=(
            ("玻璃转盘", "转盘支架", "电源线", "说明书", "原装包装箱", "遥控器（含电池）")
            * (3 if long else 1)
        )
        if long
        else ("玻璃转盘", "转盘支架"),
        condition=("外壳左侧有明显划痕，门把手松动，" * 4) if long else "外壳左侧有划痕",
        fault_description=LONG_ZH * 3 if long else "加热时有火花，转盘不转。",
        expected_ready=date(2024, 5, 10),
        charge_standard="检测费¥30.00（维修则免收），人工费¥60.00起，配件另计。",
        language=language,
    )


def tag(language: str = "zh_CN", long: bool = False) -> ApplianceTagData:
    return ApplianceTagData(
        ticket_no="SX20240503-0042",
        customer_name="欧阳司马慕容诸葛上官东方皇甫尉迟" if long else "张伟",
        phone="13812345678",
        product_type="微波炉",
        brand="华安（中国）家用电器股份有限公司" if long else "华安",
        model="MW-2308-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789" if long else "MW-2308",
        serial_no="SN2021M12345678",
        accessories=("玻璃转盘", "转盘支架", "电源线", "说明书", "原装包装箱")
        if long
        else ("玻璃转盘",),
        fault_description=LONG_ZH if long else "加热时有火花，转盘不转。",
        received_at=datetime(2024, 5, 3, 10, 5),
        received_by="王芳",
        language=language,
    )


def route_stop(ticket_no: str, hour: int, language: str = "zh_CN", **changes: object) -> RouteStop:
    zh = language == "zh_CN"
    base = RouteStop(
        ticket_no=ticket_no,
        kind="repair",
        urgency="normal",
        status="appointed",
        start=datetime(2024, 5, 2, hour, 0),
        end=datetime(2024, 5, 2, hour + 1, 30),
        customer_name="张伟" if zh else "Zhang Wei",
        phones=("13812345678", "010-65881234"),
        address="北京市朝阳区望京街道花家地北里12号楼3单元502室",
        area="朝阳区望京片区" if zh else "Wangjing",
        product="华安 分体式空调 KFR-35GW/BP3DN1Y",
        fault_description="空调制冷效果差，室内机滴水，显示E4故障代码。",
        parts=(LikelyPart(code="P-10023", name="排水泵", model="DP-12V", qty=1),),
    )
    return _replace(base, **changes)


def route_sheet(stops: int = 4, language: str = "zh_CN", left_out: int = 0) -> RouteSheetData:
    hours = (9, 11, 14, 16, 18, 19, 20, 21)
    return RouteSheetData(
        technician="李强" if language == "zh_CN" else "Li Qiang",
        technician_phone="13900001111",
        day=date(2024, 5, 2),
        stops=tuple(
            route_stop(
                f"WX20240502-{i + 1:04d}",
                hours[i % len(hours)],
                language,
                urgency="urgent" if i == 1 else "normal",
                parts=(
                    LikelyPart(code="P-10023", name="排水泵", model="DP-12V", qty=1),
                    LikelyPart(code="P-20451", name="温度传感器", model="NTC-10K", qty=i + 1),
                )
                if i % 2
                else (),
            )
            for i in range(stops)
        ),
        left_out=left_out,
        language=language,
    )


def technician_day(stops: int = 3, language: str = "zh_CN", left_out: int = 0) -> TechnicianDayData:
    route = route_sheet(stops, language, left_out)
    return TechnicianDayData(
        route=route,
        work_orders=tuple(
            work_order(stop.ticket_no, language=language, likely_parts=stop.parts)
            for stop in route.stops
        ),
    )


def _replace(obj, **changes):  # type: ignore[no-untyped-def]
    import dataclasses

    return dataclasses.replace(obj, **changes)
