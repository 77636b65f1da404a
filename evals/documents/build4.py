# -*- coding: utf-8 -*-
"""Self-contained builder for six blind test documents (doc19–doc24, batch 4).

All documents are fictional city-government policy notices.
Run:  python build4.py      (writes the six files next to this script)

  doc19.docx  常州  科技创新券管理办法            (Word table with a two-row, merged header)
  doc20.docx  温州  工业企业数字化改造补助细则    (tier table in an 附件 after a page break)
  doc21.html  烟台  外贸企业稳岗扩岗补贴          (site page, 信息公开 info box with 发文字号)
  doc22.html  柳州  企业研发机构建设资助          (site page, plain meta box, date in signature only)
  doc23.pdf   绵阳  职业技能培训补贴              (ruled table running over a page break)
  doc24.pdf   九江  商标品牌奖励                  (ruled table with multi-line cells)

Block types (same as build3.py):
  ("issuer", text)   red header line (issuing organs); may appear twice
  ("docno", text)    文号 line
  ("title", text)    document title (docx/pdf only; html uses doc["title"] as <h1>)
  ("subtitle", text) title of the attached 办法/细则
  ("chapter", text)  chapter heading (centered)
  ("h2", text)       section heading (left)
  ("p", text)        body paragraph
  ("table", caption, header_row, rows[, opts])
                     header_row may be a list of header rows; opts may hold
                     {"merge": [(r0, c0, r1, c1), ...]} (docx merged header cells,
                     coordinates over header rows + body rows); caption may be ""
  ("sign", text)     signature line (right aligned)
  ("date", text)     date line (right aligned)
  ("note", text)     small note line (抄送 / 印发 lines, 此件公开发布)
  ("attach", text)   attachment label (附件), left aligned, bold
  ("pagebreak",)     page break (docx only)
Table cells may contain "\\n" (a multi-line cell).
"""
import html as _html
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

# ---------------------------------------------------------------------------
# DOC 19  常州  科技创新券  (docx, two-row header with merged cells, 抄送/印发 lines)
# ---------------------------------------------------------------------------
DOC19 = {
    "file": "doc19.docx",
    "city": "常州",
    "topic": "科技创新券",
    "blocks": [
        ("issuer", "常州市科学技术局"),
        ("issuer", "常州市财政局"),
        ("docno", "常科发〔2025〕27号"),
        ("title", "关于印发《常州市科技创新券管理办法》的通知"),
        ("p", "各辖市、区科技局、财政局，常州经开区科技局、财政局，市各有关单位："),
        ("p", "为降低中小微企业科技创新成本，激发科技服务市场活力，经市政府同意，现将修订后的《常州市科技创新券管理办法》印发给你们，请认真遵照执行。"),
        ("subtitle", "常州市科技创新券管理办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为引导中小微企业加大研发投入，推动科技资源开放共享，根据省科技厅、省财政厅关于科技创新券的有关规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称科技创新券（以下简称创新券），是指由财政资金支持，用于中小微企业和创业团队向服务机构购买科技服务的电子凭证。创新券通过“常州科技创新券服务平台”实行线上申领、使用和兑付，按照企业实际支付的服务费用核定抵扣金额。"),
        ("p", "第三条　市科技局负责创新券的组织实施和服务机构库管理，市财政局负责资金保障和监督。创新券资金年度总额度为5000万元，由市和辖市、区财政按照1:1的比例分担。"),
        ("chapter", "第二章　申领条件"),
        ("p", "第四条　申领创新券的企业应当同时符合下列条件："),
        ("p", "（一）在常州市行政区域内注册登记、纳税，具有独立法人资格，且注册成立满6个月；"),
        ("p", "（二）上年度营业收入不超过2亿元，属于中小微企业；"),
        ("p", "（三）拥有专职研发人员不少于3人；"),
        ("p", "（四）近2年内无严重失信行为，未被列入经营异常名录。"),
        ("p", "第五条　尚未注册企业的创业团队，入驻市级以上科技企业孵化器或者众创空间的，可以由孵化载体推荐申领创新券，适用本办法第七条表中第一档标准，年度使用上限为5万元。"),
        ("chapter", "第三章　使用范围和抵扣标准"),
        ("p", "第六条　创新券可以用于购买研究开发、检验检测、技术转移、知识产权、科技咨询和大型科研仪器共享等科技服务。不得用于购买常规性的工商注册、财务代账、法律诉讼等非科技类服务。"),
        ("p", "第七条　创新券按照企业上年度营业收入分档确定抵扣比例和年度使用上限，向市内服务机构和市外服务机构购买服务的抵扣比例不同，具体标准见下表。"),
        ("table", "常州市科技创新券抵扣标准",
         [["档次", "企业上年度营业收入", "服务费用抵扣比例", "", "年度使用上限"],
          ["", "", "市内服务机构", "市外服务机构", ""]],
         [["第一档", "1000万元以下（含新注册企业）", "70%", "50%", "10万元"],
          ["第二档", "1000万元（含）—5000万元", "60%", "40%", "20万元"],
          ["第三档", "5000万元（含）—2亿元", "50%", "30%", "30万元"]],
         {"merge": [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4)]}),
        ("p", "第八条　经认定的高新技术企业和省级以上专精特新中小企业，年度使用上限在上表基础上提高至50万元，抵扣比例不变。单个服务合同的抵扣金额不超过合同金额的70%。"),
        ("p", "第九条　创新券自发放之日起12个月内有效，逾期未使用的自动作废，额度不结转至下一年度。"),
        ("chapter", "第四章　申领和兑付"),
        ("p", "第十条　创新券每年分两批集中申领，分别于3月和9月受理。企业在平台提交申领申请，辖市、区科技局在10个工作日内完成审核，审核通过的发放电子创新券。"),
        ("p", "第十一条　企业与入库服务机构签订服务合同后，只需支付扣除创新券抵扣金额后的剩余费用。服务完成之日起30日内，服务机构凭服务合同、发票、服务报告和企业确认单向市科技局申请兑付，经审核后由市财政局拨付资金。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十二条　企业与服务机构存在控股、参股或者同一法定代表人等关联关系的，不得使用创新券购买该机构的服务。"),
        ("p", "第十三条　企业、服务机构通过虚构服务内容、虚开发票、串通套取等方式骗取创新券资金的，由市科技局追回已兑付资金，取消企业3年内申领创新券的资格；服务机构清退出服务机构库，5年内不得重新入库；涉嫌犯罪的，移送司法机关依法处理。"),
        ("chapter", "第六章　附则"),
        ("p", "第十四条　本办法由市科技局、市财政局负责解释。"),
        ("p", "第十五条　本办法自2025年4月1日起施行，有效期5年。《常州市科技创新券实施管理办法（试行）》（常科发〔2021〕40号）同时废止。"),
        ("p", "联系人：市科技局科技服务处　周先生，咨询电话：0519-85682133"),
        ("sign", "常州市科学技术局　　常州市财政局"),
        ("date", "2025年3月18日"),
        ("note", "（此件公开发布）"),
        ("note", "抄送：江苏省科学技术厅，市政府办公室。"),
        ("note", "常州市科学技术局办公室　　　　2025年3月20日印发"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 20  温州  工业企业数字化改造补助  (docx, the tier table is 附件1 after a page break)
# ---------------------------------------------------------------------------
DOC20 = {
    "file": "doc20.docx",
    "city": "温州",
    "topic": "工业企业数字化改造补助",
    "blocks": [
        ("issuer", "温州市经济和信息化局　温州市财政局"),
        ("docno", "温经信〔2025〕48号"),
        ("title", "温州市经济和信息化局　温州市财政局关于印发《温州市工业企业数字化改造补助实施细则》的通知"),
        ("p", "各县（市、区）经济和信息化局、财政局，浙南产业集聚区、瓯江口产业集聚区有关部门，各有关企业："),
        ("p", "为加快推进制造业数字化转型，支持工业企业实施智能化、数字化改造，现将《温州市工业企业数字化改造补助实施细则》印发给你们，请结合实际认真贯彻落实。"),
        ("subtitle", "温州市工业企业数字化改造补助实施细则"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为推动制造业高端化、智能化、绿色化发展，根据《温州市推进制造业数字化转型行动方案（2024—2026年）》，结合我市实际，制定本细则。"),
        ("p", "第二条　本细则所称数字化改造，是指工业企业围绕研发设计、生产制造、仓储物流、经营管理等环节，购置智能装备、工业软件和工业互联网平台服务，实施的数字化车间、智能工厂和“5G+工业互联网”改造项目。"),
        ("p", "第三条　市经济和信息化局负责项目组织申报、审核和绩效管理，市财政局负责资金保障和监督。补助资金从市级制造业高质量发展专项资金中列支，由市与县（市、区）财政按照现行财政体制分担。"),
        ("chapter", "第二章　申报条件"),
        ("p", "第四条　申报补助的项目应当同时符合下列条件："),
        ("p", "（一）项目单位为在温州市行政区域内登记注册、纳税，具有独立法人资格的规模以上工业企业；"),
        ("p", "（二）项目于2024年1月1日以后开工，申报时已完成建设并投入使用；"),
        ("p", "（三）项目数字化设备和软件实际投资额不低于200万元，其中工业软件投资不低于30万元；"),
        ("p", "（四）企业近3年未发生重大安全生产、环境污染事故，未被列入严重失信主体名单。"),
        ("p", "规模以下工业企业实施轻量化数字化改造、购买“上云用云”服务的，不受前款第（一）项和第（三）项限制，按照附件1所列轻量化改造标准给予补助。"),
        ("p", "第五条　下列投入不计入补助基数："),
        ("p", "（一）土建工程、厂房装修及通用办公设备的投入；"),
        ("p", "（二）向关联方采购设备和软件的投入；"),
        ("p", "（三）已获得省级及以上财政专项资金补助的部分。"),
        ("chapter", "第三章　补助标准"),
        ("p", "第六条　对符合条件的项目，按照数字化设备和软件实际投资额分档给予补助，硬件设备和工业软件分别适用不同的补助比例，具体标准见附件1。"),
        ("p", "第七条　项目建成后被认定为省级智能工厂的，再给予一次性奖励100万元；被认定为省级数字化车间的，再给予一次性奖励50万元。"),
        ("p", "第八条　同一企业年度获得本细则补助和奖励的总额不超过800万元。"),
        ("chapter", "第四章　申报程序"),
        ("p", "第九条　补助资金每年集中申报一次，原则上于每年5月组织。企业通过“温州企业码”提交以下申报材料："),
        ("p", "（一）数字化改造项目补助资金申请表；"),
        ("p", "（二）项目备案（核准）文件；"),
        ("p", "（三）设备和软件购置合同、发票及付款凭证；"),
        ("p", "（四）第三方机构出具的项目竣工验收报告和专项审计报告；"),
        ("p", "（五）企业信用承诺书。"),
        ("p", "第十条　县（市、区）经济和信息化局在15个工作日内完成初审，市经济和信息化局会同市财政局审核，审核结果公示7个工作日。公示无异议的，下达补助资金。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十一条　获得补助的设备自补助资金拨付之日起5年内不得擅自转让、出租或者闲置；确需处置的，应当报市经济和信息化局备案，并按照剩余年限比例退回补助资金。"),
        ("p", "第十二条　企业以虚报投资额、虚开发票、以旧充新等方式骗取补助资金的，由市经济和信息化局会同市财政局追回全部补助资金，5年内取消其申报市级产业政策资金的资格，并纳入公共信用信息平台；第三方机构出具不实报告的，3年内不得承接本市产业政策资金审计业务。"),
        ("chapter", "第六章　附则"),
        ("p", "第十三条　本细则由市经济和信息化局负责解释。"),
        ("p", "第十四条　本细则自2025年7月1日起施行，有效期3年。"),
        ("p", "咨询电话：0577-88965320（市经济和信息化局数字经济处）"),
        ("p", "附件：1．温州市工业企业数字化改造项目补助标准"),
        ("sign", "温州市经济和信息化局　　温州市财政局"),
        ("date", "2025年6月12日"),
        ("note", "（此件主动公开）"),
        ("pagebreak",),
        ("attach", "附件1"),
        ("subtitle", "温州市工业企业数字化改造项目补助标准"),
        ("table", "",
         ["补助档次", "数字化设备和软件实际投资额", "硬件设备补助比例", "工业软件补助比例", "单个项目最高补助"],
         [["第一档", "200万元（含）—1000万元", "10%", "15%", "100万元"],
          ["第二档", "1000万元（含）—5000万元", "12%", "18%", "300万元"],
          ["第三档", "5000万元（含）以上", "15%", "20%", "500万元"],
          ["轻量化改造", "规模以下工业企业“上云用云”服务费", "不适用", "30%", "5万元"]]),
        ("note", "注：补助金额按照硬件设备投资额和工业软件投资额分别乘以对应比例后合计计算，超过单个项目最高补助的，按最高补助核定。"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 21  烟台  外贸企业稳岗扩岗补贴  (html, 信息公开 info box with 发文字号 / 成文日期)
# ---------------------------------------------------------------------------
DOC21 = {
    "file": "doc21.html",
    "city": "烟台",
    "topic": "外贸企业稳岗扩岗补贴",
    "site": {
        "name": "烟台市人民政府",
        "domain": "www.yantai.gov.cn",
        "host_office": "烟台市人民政府办公室",
        "phone": "0535-6788123",
        "icp": "鲁ICP备05002348号-1",
        "police": "鲁公网安备 37060202000317号",
        "sitecode": "3706000012",
        "column": "部门文件",
        "index_no": "11370600MB28513X7K/2025-00318",
        "pubtime": "2025-07-11 10:15",
        "source": "市商务局",
        "keywords": "外贸企业,稳岗补贴,扩岗补助,失业保险",
        "theme": ("#a3201c", "#c0392b", "#6e1512"),
        "related": [
            "烟台市2025年稳外贸稳外资若干措施",
            "关于做好2025年度失业保险稳岗返还工作的通知",
            "烟台市跨境电商综合试验区发展扶持办法",
            "烟台市重点外贸企业服务专员制度",
            "关于申报2025年度市级外经贸发展专项资金的通知",
        ],
        "meta_table": [
            ("索 引 号", "11370600MB28513X7K/2025-00318"), ("主题分类", "商贸、海关、旅游\\对外贸易"),
            ("发文机关", "烟台市商务局　烟台市人力资源和社会保障局　烟台市财政局"), ("发文字号", "烟商务发〔2025〕12号"),
            ("成文日期", "2025年7月8日"), ("发布日期", "2025年7月11日"),
            ("有 效 性", "有效"), ("公开方式", "主动公开"),
        ],
    },
    "title": "烟台市商务局等三部门关于印发《烟台市外贸企业稳岗扩岗补贴实施办法》的通知",
    "blocks": [
        ("issuer", "烟台市商务局　烟台市人力资源和社会保障局　烟台市财政局"),
        ("docno", "烟商务发〔2025〕12号"),
        ("p", "各区市商务主管部门、人力资源和社会保障局、财政局，市直有关部门，各外贸企业："),
        ("p", "为应对外部环境变化，帮助外贸企业稳定就业岗位、扩大吸纳就业，经市政府同意，现将《烟台市外贸企业稳岗扩岗补贴实施办法》印发给你们，请认真抓好落实。"),
        ("subtitle", "烟台市外贸企业稳岗扩岗补贴实施办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为稳住外贸经营主体和就业基本盘，根据国家和省关于稳就业、稳外贸的有关规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称外贸企业，是指在烟台市行政区域内登记注册，依法办理对外贸易经营者备案或者海关进出口货物收发货人备案，上年度有进出口实绩的企业。"),
        ("p", "第三条　市商务局负责确定外贸企业名单和进出口实绩，市人力资源和社会保障局负责核定参保人数和裁员率并发放补贴，市财政局负责资金保障。补贴资金从失业保险基金和市级外经贸发展专项资金中列支。"),
        ("chapter", "第二章　补贴条件"),
        ("p", "第四条　申领稳岗补贴的外贸企业应当同时符合下列条件："),
        ("p", "（一）在烟台市依法参加失业保险，并足额缴纳失业保险费满12个月；"),
        ("p", "（二）上年度未裁员或者少裁员，裁员率不高于5.5%；参保职工30人（含）以下的企业，裁员率不高于参保职工总数的20%；"),
        ("p", "（三）生产经营正常，未被列入经营异常名录和严重失信主体名单；"),
        ("p", "（四）上年度海关进出口额达到本办法第五条表中所列档次标准。"),
        ("chapter", "第三章　补贴标准"),
        ("p", "第五条　稳岗补贴包括失业保险费返还和参保职工稳岗奖励两部分。按照企业上年度海关进出口额分档，以企业及其职工上年度实际缴纳的失业保险费为基数确定返还比例，并按照上年末参保职工人数给予稳岗奖励，具体标准如下："),
        ("table", "烟台市外贸企业稳岗补贴标准",
         ["档次", "上年度海关进出口额", "失业保险费返还比例", "每名参保职工稳岗奖励", "单户企业最高补贴"],
         [["第一档", "500万美元（含）—3000万美元", "60%", "300元", "50万元"],
          ["第二档", "3000万美元（含）—1亿美元", "70%", "400元", "100万元"],
          ["第三档", "1亿美元（含）以上", "80%", "500元", "200万元"],
          ["小微外贸企业", "500万美元以下（限中小微企业）", "90%", "200元", "20万元"]]),
        ("p", "第六条　外贸企业在2025年度新招用16—24岁登记失业青年，签订1年以上劳动合同并为其连续缴纳失业保险费3个月以上的，按照每招用1人1500元的标准给予一次性扩岗补助。扩岗补助与稳岗补贴可以同时享受。"),
        ("p", "第七条　同一企业同一年度只能享受一次稳岗补贴。已享受普惠性失业保险稳岗返还的，按照就高原则补足差额，不重复享受。"),
        ("chapter", "第四章　申领程序"),
        ("p", "第八条　稳岗补贴实行“免申即享”。市人力资源和社会保障局会同市商务局通过数据比对筛选出符合条件的企业名单，企业于每年8月1日至9月30日登录“烟台人社”网上服务大厅确认领取。"),
        ("p", "第九条　未纳入比对名单、认为符合条件的企业，可以在同一期限内主动申请，并提交下列材料："),
        ("p", "（一）外贸企业稳岗补贴申请表；"),
        ("p", "（二）海关出具的上年度进出口额证明；"),
        ("p", "（三）上年度失业保险缴费明细和参保职工花名册；"),
        ("p", "（四）企业对公银行账户信息。"),
        ("p", "第十条　审核结果在市人力资源和社会保障局网站公示5个工作日。公示无异议的，补贴资金直接拨付至企业对公银行账户。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十一条　企业以虚报进出口额、虚构参保人员、隐瞒裁员等方式骗取补贴资金的，由市人力资源和社会保障局追回已发放的补贴资金，3年内取消其申领市级稳岗补贴和外经贸发展专项资金的资格，并依法纳入失信记录；构成犯罪的，依法追究刑事责任。"),
        ("chapter", "第六章　附则"),
        ("p", "第十二条　本办法由市商务局、市人力资源和社会保障局、市财政局按照职责分工负责解释。"),
        ("p", "第十三条　本办法自2025年8月1日起施行，有效期2年。"),
        ("p", "咨询电话：0535-6238517（市商务局对外贸易科），0535-6787305（市人力资源和社会保障局失业保险科）"),
        ("sign", "烟台市商务局　　烟台市人力资源和社会保障局　　烟台市财政局"),
        ("date", "2025年7月8日"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 22  柳州  企业研发机构建设资助  (html, plain meta box, date in the signature block only)
# ---------------------------------------------------------------------------
DOC22 = {
    "file": "doc22.html",
    "city": "柳州",
    "topic": "企业研发机构建设资助",
    "site": {
        "name": "柳州市人民政府",
        "domain": "www.liuzhou.gov.cn",
        "host_office": "柳州市人民政府办公室",
        "phone": "0772-2661150",
        "icp": "桂ICP备05007219号-1",
        "police": "桂公网安备 45020202000084号",
        "sitecode": "4502000007",
        "column": "部门文件",
        "index_no": "11450200MB1L06832D/2025-02174",
        "pubtime": "2025-08-29 15:20",
        "source": "市科技局",
        "keywords": "研发机构,企业技术中心,新型研发机构,研发费用",
        "theme": ("#1f4e96", "#2d64b8", "#163a70"),
        "related": [
            "柳州市科技计划项目管理办法",
            "关于组织开展2025年度柳州市企业研发中心认定工作的通知",
            "柳州市高新技术企业培育奖励办法",
            "柳州市科技创新平台绩效评价办法（试行）",
            "关于公布2025年柳州市新型研发机构名单的通知",
        ],
    },
    "title": "柳州市科学技术局　柳州市工业和信息化局关于印发《柳州市企业研发机构建设资助办法》的通知",
    "blocks": [
        ("issuer", "柳州市科学技术局　柳州市工业和信息化局"),
        ("docno", "柳科规〔2025〕4号"),
        ("p", "各县（区）科技主管部门、工业和信息化主管部门，柳东新区、北部生态新区有关部门，各有关企业："),
        ("p", "为引导企业建设高水平研发机构，提升企业自主创新能力，现将《柳州市企业研发机构建设资助办法》印发给你们，请遵照执行。"),
        ("subtitle", "柳州市企业研发机构建设资助办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为强化企业科技创新主体地位，推动汽车、机械、冶金等优势产业企业建立健全研发机构，根据国家和自治区关于企业研发机构建设的有关规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称企业研发机构，包括企业技术中心、工程技术研究中心、企业研发中心和新型研发机构。本办法所称研发费用，以企业所得税年度纳税申报时享受研发费用加计扣除的金额为准。"),
        ("p", "第三条　市科技局负责资助的组织实施，市工业和信息化局负责企业技术中心的认定推荐和协同管理。资助资金从市级科技创新专项资金中列支。"),
        ("chapter", "第二章　资助对象和条件"),
        ("p", "第四条　申请资助的企业应当同时符合下列条件："),
        ("p", "（一）在柳州市行政区域内注册登记、纳税，具有独立法人资格；"),
        ("p", "（二）已建有市级以上研发机构，且认定（备案）资格在有效期内；"),
        ("p", "（三）研发机构有固定的研发场所，专职研发人员不少于10人；"),
        ("p", "（四）上年度研发费用不低于500万元，且占营业收入的比重不低于2%；"),
        ("p", "（五）近3年未发生重大安全、环保、质量事故，未被列入严重失信主体名单。"),
        ("chapter", "第三章　资助标准"),
        ("p", "第五条　对新认定的研发机构给予一次性建设资助：国家级企业技术中心300万元；自治区级企业技术中心、自治区级工程技术研究中心100万元；市级企业研发中心20万元。由低级别晋升为高级别的，按照差额给予资助。"),
        ("p", "第六条　对已建有市级以上研发机构的企业，按照其上年度研发费用分档给予年度运行资助："),
        ("table", "柳州市企业研发机构年度运行资助标准",
         ["资助档次", "企业上年度研发费用", "资助比例", "年度最高资助"],
         [["第一档", "500万元（含）—2000万元", "3%", "30万元"],
          ["第二档", "2000万元（含）—5000万元", "2.5%", "80万元"],
          ["第三档", "5000万元（含）—1亿元", "2%", "150万元"],
          ["第四档", "1亿元（含）以上", "1.5%", "200万元"]]),
        ("p", "资助金额按照上年度研发费用乘以对应档次的资助比例计算，超过年度最高资助的按最高额核定。"),
        ("p", "第七条　对在柳州新建的新型研发机构，经认定后按照其建设期内实际发生的设备购置和研发投入的30%给予资助，最高500万元，分3年拨付。"),
        ("p", "第八条　资助资金应当全部用于研发设备购置、研发人员引进培养和研发项目实施，不得用于偿还债务、发放奖金福利。"),
        ("chapter", "第四章　申报和审核"),
        ("p", "第九条　资助每年申报一次，企业于每年6月1日至6月30日通过“柳州市科技管理信息系统”提交资助申请表、研发机构认定文件、上年度研发费用专项审计报告、企业所得税年度纳税申报表及研发费用加计扣除优惠明细表和信用承诺书。"),
        ("p", "第十条　县（区）科技主管部门在10个工作日内完成初审，市科技局组织专家评审，评审结果在市科技局网站公示7个工作日。公示无异议的，拨付资助资金。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十一条　市级企业研发中心实行三年一评估，评估不合格的撤销其市级认定，2年内不得重新申请。"),
        ("p", "第十二条　企业以虚报研发费用、伪造审计报告等方式骗取资助资金的，由市科技局追回已拨付资金，5年内取消其申报市级科技计划项目和财政资助资金的资格，并记入科研诚信严重失信行为记录；中介机构出具虚假审计报告的，3年内不得参与市级科技项目审计工作。"),
        ("chapter", "第六章　附则"),
        ("p", "第十三条　本办法由市科技局会同市工业和信息化局负责解释。"),
        ("p", "第十四条　本办法自2025年10月1日起施行，有效期至2030年9月30日。"),
        ("p", "咨询电话：0772-2823516（市科技局创新发展科）"),
        ("sign", "柳州市科学技术局　　柳州市工业和信息化局　　2025年8月26日"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 23  绵阳  职业技能培训补贴  (pdf, long ruled table over a page break)
# ---------------------------------------------------------------------------
DOC23 = {
    "file": "doc23.pdf",
    "city": "绵阳",
    "topic": "职业技能培训补贴",
    "pdf_col_widths": [1.3, 4.0, 3.2, 3.4, 4.3],
    "pdf_split_table": True,
    "blocks": [
        ("issuer", "绵阳市人力资源和社会保障局　绵阳市财政局"),
        ("docno", "绵人社发〔2025〕31号"),
        ("title", "绵阳市职业技能培训补贴管理办法"),
        ("p", "各县（市、区）人力资源和社会保障局、财政局，科技城新区、绵阳高新区、绵阳经开区有关部门，各定点培训机构："),
        ("p", "为深入推进技能绵阳建设，规范职业技能培训补贴管理，提高补贴资金使用效益，根据国家和省关于职业技能培训补贴的有关规定，结合我市实际，制定本办法。"),
        ("h2", "第一章　总则"),
        ("p", "第一条　本办法所称职业技能培训补贴，是指对参加政府补贴性职业技能培训并取得相应证书的劳动者，以及开展新型学徒制培训、岗位技能提升培训的企业，按照规定给予的补贴。"),
        ("p", "第二条　补贴对象包括：毕业年度高校毕业生、城乡未继续升学的应届初高中毕业生、农村转移就业劳动者、脱贫人口、登记失业人员、残疾人和企业在职职工。"),
        ("p", "第三条　市人力资源和社会保障局负责补贴政策的组织实施、定点培训机构目录管理和补贴审核，市财政局负责资金保障和监督。补贴资金从就业补助资金和失业保险基金中列支。"),
        ("h2", "第二章　补贴标准"),
        ("p", "第四条　职业技能培训补贴按照证书类别和职业技能等级分类确定，具体标准见下表。"),
        ("table", "绵阳市职业技能培训补贴标准",
         ["序号", "培训类别", "等级或者证书", "补贴标准", "最低培训课时"],
         [["1", "职业技能等级认定培训", "五级/初级工", "1000元/人", "80课时"],
          ["2", "职业技能等级认定培训", "四级/中级工", "1500元/人", "120课时"],
          ["3", "职业技能等级认定培训", "三级/高级工", "2000元/人", "160课时"],
          ["4", "职业技能等级认定培训", "二级/技师", "3000元/人", "200课时"],
          ["5", "职业技能等级认定培训", "一级/高级技师", "4000元/人", "240课时"],
          ["6", "专项职业能力培训", "专项职业能力证书", "600元/人", "40课时"],
          ["7", "创业培训", "创业培训合格证书", "1200元/人", "80课时"],
          ["8", "网络创业培训", "创业培训合格证书", "1500元/人", "100课时"],
          ["9", "企业新型学徒制培训", "中级工", "每人每年5000元", "培训期限1至2年"],
          ["10", "企业新型学徒制培训", "高级工及以上", "每人每年6000元", "培训期限1至2年"],
          ["11", "企业职工岗位技能提升培训", "取得四级/中级工及以上证书", "按第1至5项标准的80%", "按对应等级执行"],
          ["12", "急需紧缺职业（工种）培训", "取得四级/中级工及以上证书", "按第1至5项标准上浮30%", "按对应等级执行"]]),
        ("p", "第五条　急需紧缺职业（工种）目录由市人力资源和社会保障局每年发布。脱贫人口、残疾人和登记失业人员参加培训的，培训期间按照每人每天50元给予生活费补贴，最长不超过30天。"),
        ("p", "第六条　定点培训机构组织开展的补贴性培训，经劳动者书面授权，可以由培训机构代为申领补贴，补贴资金直接拨付至培训机构。培训机构不得再向劳动者收取已由补贴覆盖的培训费用。"),
        ("h2", "第三章　补贴条件"),
        ("p", "第七条　个人申领培训补贴应当同时符合下列条件："),
        ("p", "（一）具有绵阳市户籍，或者在绵阳市依法参加社会保险；"),
        ("p", "（二）参加市人力资源和社会保障局公布的定点培训机构组织的培训，实际培训课时不少于规定最低课时；"),
        ("p", "（三）培训结束后取得职业技能等级证书、专项职业能力证书或者创业培训合格证书；"),
        ("p", "（四）同一职业（工种）同一等级只能享受一次补贴，每人每年享受培训补贴不超过3次。"),
        ("p", "第八条　企业申领新型学徒制培训补贴的，应当与学徒签订6个月以上劳动合同，并委托定点培训机构或者企业培训中心采取“企校双师带徒”方式开展培训，培训期限为1至2年。"),
        ("h2", "第四章　申领程序"),
        ("p", "第九条　个人应当在取得证书之日起12个月内，通过“天府通办”或者“绵阳人社”公众号提交申请，并提供身份证件、证书、培训机构出具的结业证明和本人社会保障卡银行账户信息。"),
        ("p", "第十条　县（市、区）人力资源和社会保障部门在20个工作日内完成审核，审核结果公示5个工作日。公示无异议的，补贴资金发放至本人社会保障卡银行账户或者培训机构基本账户。"),
        ("h2", "第五章　监督管理"),
        ("p", "第十一条　培训机构以虚报培训人数、虚假签到、替考代考等方式骗取补贴资金的，由人力资源和社会保障部门追回已拨付资金，取消其定点培训机构资格，3年内不得承担政府补贴性培训任务；个人骗取补贴的，追回补贴资金，3年内不得享受职业技能培训补贴；涉嫌犯罪的，移送司法机关处理。"),
        ("h2", "第六章　附则"),
        ("p", "第十二条　本办法由市人力资源和社会保障局会同市财政局负责解释。"),
        ("p", "第十三条　本办法自2025年5月1日起施行，有效期3年。《绵阳市职业技能培训补贴实施细则》（绵人社发〔2021〕19号）同时废止。"),
        ("p", "咨询电话：0816-2226718（市人力资源和社会保障局职业能力建设科）"),
        ("sign", "绵阳市人力资源和社会保障局　　绵阳市财政局"),
        ("date", "二〇二五年四月十五日"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 24  九江  商标品牌奖励  (pdf, multi-line cells)
# ---------------------------------------------------------------------------
DOC24 = {
    "file": "doc24.pdf",
    "city": "九江",
    "topic": "商标品牌奖励",
    "pdf_col_widths": [3.6, 4.4, 4.4, 3.8],
    "blocks": [
        ("issuer", "九江市市场监督管理局"),
        ("docno", "九市监发〔2025〕15号"),
        ("title", "九江市商标品牌战略奖励办法"),
        ("p", "各县（市、区）市场监督管理局，九江经开区、共青城市、庐山西海风景名胜区有关部门，各有关企业和行业协会："),
        ("p", "为深入实施商标品牌战略，培育一批具有较强竞争力的区域品牌和企业品牌，根据《中华人民共和国商标法》和省有关规定，结合我市实际，制定本办法。"),
        ("h2", "第一章　总则"),
        ("p", "第一条　本办法所称商标品牌奖励，包括对中国驰名商标、地理标志、马德里商标国际注册、境外商标注册和商标品牌指导站建设的奖励。"),
        ("p", "第二条　市市场监督管理局（市知识产权局）负责奖励的组织申报和审核，市财政局负责资金保障。奖励资金从市级知识产权专项资金中列支。"),
        ("h2", "第二章　申请条件"),
        ("p", "第三条　申请奖励的单位应当同时符合下列条件："),
        ("p", "（一）在九江市行政区域内注册登记的企业、农民专业合作社、行业协会或者其他组织；"),
        ("p", "（二）申请奖励的商标由申请人合法持有，且处于有效状态；"),
        ("p", "（三）近3年无商标侵权、假冒注册商标等违法行为；"),
        ("p", "（四）未被列入严重失信主体名单。"),
        ("p", "第四条　通过受让、许可等方式取得的商标，以及申请人迁入我市前已获得的认定或者注册，不享受本办法奖励。"),
        ("h2", "第三章　奖励标准"),
        ("p", "第五条　符合条件的，按照下表给予奖励。同一商标同一事项只奖励一次。"),
        ("table", "九江市商标品牌奖励标准",
         ["奖励类别", "认定或者注册情形", "奖励标准", "说明"],
         [["中国驰名商标", "在商标案件中被国家\n知识产权局认定为\n驰名商标", "每件一次性奖励\n100万元", "被撤销驰名商标\n认定的，追回\n奖励资金"],
          ["地理标志证明商标\n（集体商标）", "经国家知识产权局\n核准注册", "每件奖励30万元", "申请人为行业协会\n等组织的，奖励\n资金用于品牌推广"],
          ["地理标志保护产品", "获批国家地理标志\n保护产品", "每个奖励50万元", "由产品所在地\n县级政府统筹使用"],
          ["马德里商标\n国际注册", "通过马德里体系\n获得国际注册", "每指定1个国家\n（地区）奖励5000元\n每件最高5万元", "每个申请人\n年度最高20万元"],
          ["境外商标注册", "直接向单一国家\n（地区）申请并获\n核准注册", "每件奖励3000元", "每个申请人\n年度最高10万元"],
          ["商标品牌指导站", "被评为省级商标\n品牌指导站", "一次性奖励10万元", "被评为市级指导站\n的，奖励5万元"]]),
        ("p", "第六条　同一申请人年度累计获得本办法奖励最高不超过150万元。县（市、区）对同一事项已给予奖励的，市级奖励按照差额补足。"),
        ("p", "第七条　鼓励市场主体规范使用地理标志专用标志。新核准使用地理标志专用标志的市场主体，每家给予1万元奖励，同一地理标志年度奖励总额不超过20万元。"),
        ("h2", "第四章　申报和审核"),
        ("p", "第八条　奖励每年申报一次，申请人于每年10月1日至10月31日向所在地县（市、区）市场监督管理局提交下列材料："),
        ("p", "（一）商标品牌奖励申请表；"),
        ("p", "（二）营业执照或者登记证书复印件；"),
        ("p", "（三）商标注册证、驰名商标认定文书、地理标志批准公告或者马德里国际注册证明；"),
        ("p", "（四）境外注册官费缴纳凭证（申请马德里国际注册和境外商标注册奖励的提供）；"),
        ("p", "（五）信用承诺书。"),
        ("p", "第九条　县（市、区）市场监督管理局在10个工作日内完成初审，市市场监督管理局复审，复审结果公示7个工作日后拨付资金。"),
        ("h2", "第五章　法律责任"),
        ("p", "第十条　申请人提供虚假材料骗取奖励，或者将恶意抢注、囤积的商标用于申请奖励的，由市市场监督管理局追回已拨付的奖励资金，5年内不得申报市级知识产权奖励和资助，并将失信信息推送至市公共信用信息平台；商标代理机构参与造假的，列入重点监管名单并依法查处。"),
        ("h2", "第六章　附则"),
        ("p", "第十一条　本办法由九江市市场监督管理局负责解释。"),
        ("p", "第十二条　本办法自2025年11月1日起施行，有效期5年。"),
        ("p", "联系人：市市场监督管理局知识产权运用促进科　刘先生，咨询电话：0792-8586210"),
        ("sign", "九江市市场监督管理局"),
        ("date", "2025年10月9日"),
    ],
}

DOCS = [DOC19, DOC20, DOC21, DOC22, DOC23, DOC24]

def header_rows(header):
    """A table header is one row (list of str) or several rows (list of lists)."""
    return header if header and isinstance(header[0], list) else [header]


def plain_text(doc):
    """All visible policy text (body + table cells), in reading order."""
    parts = []
    if "site" in doc:
        parts.append(doc["title"])
        for label, value in doc["site"].get("meta_table", []):
            parts.append("%s：%s" % (label, value))
    for b in doc["blocks"]:
        if b[0] == "table":
            if b[1]:
                parts.append(b[1])
            for hr in header_rows(b[2]):
                parts.extend(h for h in hr if h)
            for r in b[3]:
                parts.extend(r)
        elif b[0] == "pagebreak":
            continue
        else:
            parts.append(b[1])
    return "\n".join(parts)


# ===========================================================================
# Renderers (same as evals/documents/build3.py)
# ===========================================================================

# ----------------------------- DOCX ---------------------------------------
def build_docx(doc, path):
    from docx import Document
    from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    d = Document()
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)

    def fmt_run(run, font="仿宋_GB2312", size=16, bold=False, color=None):
        run.font.name = font
        run._element.rPr.rFonts.set(qn("w:eastAsia"), font)
        run.font.size = Pt(size)
        run.font.bold = bold
        if color:
            run.font.color.rgb = RGBColor(*color)

    def bottom_border(p, color="FF0000", sz="18"):
        pPr = p._p.get_or_add_pPr()
        pbdr = OxmlElement("w:pBdr")
        b = OxmlElement("w:bottom")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), sz)
        b.set(qn("w:space"), "6")
        b.set(qn("w:color"), color)
        pbdr.append(b)
        pPr.append(pbdr)

    def para(text, font="仿宋_GB2312", size=16, bold=False, color=None,
             align=None, indent=True, border=False, space_after=0):
        p = d.add_paragraph()
        if border:
            bottom_border(p)
        pf = p.paragraph_format
        if align is not None:
            p.alignment = align
        pf.space_after = Pt(space_after)
        pf.line_spacing = Pt(28)
        if indent:
            pf.first_line_indent = Pt(size * 2)
        fmt_run(p.add_run(text), font, size, bold, color)
        return p

    C = WD_ALIGN_PARAGRAPH.CENTER
    R = WD_ALIGN_PARAGRAPH.RIGHT
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "issuer":
            para(b[1], "方正小标宋简体", 26, True, (0xE6, 0x00, 0x00), C, False, space_after=18)
        elif kind == "docno":
            para(b[1], "仿宋_GB2312", 16, False, None, C, False, border=True, space_after=24)
        elif kind == "title":
            para(b[1], "方正小标宋简体", 22, False, None, C, False, space_after=18)
        elif kind == "subtitle":
            d.add_paragraph()
            para(b[1], "方正小标宋简体", 20, False, None, C, False, space_after=12)
        elif kind == "chapter":
            para(b[1], "黑体", 16, False, None, C, False, space_after=6)
        elif kind == "h2":
            para(b[1], "黑体", 16, False)
        elif kind == "p":
            para(b[1])
        elif kind == "sign":
            d.add_paragraph()
            para(b[1], align=R, indent=False)
        elif kind == "date":
            para(b[1], align=R, indent=False)
        elif kind == "note":
            para(b[1], indent=True)
        elif kind == "attach":
            para(b[1], "黑体", 16, False, None, None, False, space_after=6)
        elif kind == "pagebreak":
            d.add_page_break()
        elif kind == "table":
            _, caption, header, rows = b[:4]
            opts = b[4] if len(b) > 4 else {}
            hrows = header_rows(header)
            if caption:
                para(caption, "黑体", 14, False, None, C, False, space_after=6)
            t = d.add_table(rows=len(hrows) + len(rows), cols=len(hrows[0]))
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            # merged cells first (header spans), then fill the text once
            covered = set()
            for r0, c0, r1, c1 in opts.get("merge", []):
                t.cell(r0, c0).merge(t.cell(r1, c1))
                covered |= {(i, j) for i in range(r0, r1 + 1) for j in range(c0, c1 + 1)} - {(r0, c0)}
            for r_i, row in enumerate(hrows + rows):
                is_head = r_i < len(hrows)
                for c_i, val in enumerate(row):
                    if (r_i, c_i) in covered:
                        continue
                    cell = t.cell(r_i, c_i)
                    for extra in cell.paragraphs[1:]:
                        extra._p.getparent().remove(extra._p)
                    p = cell.paragraphs[0]
                    for run in list(p.runs):
                        run._r.getparent().remove(run._r)
                    p.alignment = C
                    lines = val.split("\n")
                    for k, line in enumerate(lines):
                        if k:
                            p = cell.add_paragraph()
                            p.alignment = C
                        fmt_run(p.add_run(line), "黑体" if is_head else "仿宋_GB2312",
                                12, is_head)
                    if is_head:
                        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            # mark header rows as repeating table header
            for h_i in range(len(hrows)):
                trPr = t.rows[h_i]._tr.get_or_add_trPr()
                th = OxmlElement("w:tblHeader")
                th.set(qn("w:val"), "true")
                trPr.append(th)
            d.add_paragraph()
        else:
            raise ValueError(kind)

    fp = sec.footer.paragraphs[0]
    fp.alignment = C

    def fld(p, instr):
        r = p.add_run()
        for item in (("w:fldChar", "begin"), None, ("w:fldChar", "end")):
            if item is None:
                it = OxmlElement("w:instrText")
                it.set(qn("xml:space"), "preserve")
                it.text = instr
                r._r.append(it)
            else:
                fc = OxmlElement(item[0])
                fc.set(qn("w:fldCharType"), item[1])
                r._r.append(fc)
    fmt_run(fp.add_run("— "), "宋体", 14)
    fld(fp, "PAGE")
    fmt_run(fp.add_run(" —"), "宋体", 14)
    d.core_properties.title = [b[1] for b in doc["blocks"] if b[0] == "title"][0]
    d.core_properties.author = "　".join(b[1] for b in doc["blocks"] if b[0] == "issuer")
    d.save(path)


# ----------------------------- HTML ---------------------------------------
HTML_TMPL = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}_{column}_{site}</title>
<meta name="SiteName" content="{site}">
<meta name="SiteDomain" content="{domain}">
<meta name="SiteIDCode" content="{sitecode}">
<meta name="ColumnName" content="{column}">
<meta name="ColumnType" content="政务公开">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{pubtime}">
<meta name="ContentSource" content="{source}">
<meta name="Keywords" content="{keywords}">
<link rel="stylesheet" href="/images/common.css">
<style>
body{{margin:0;font-family:"Microsoft YaHei",SimSun,sans-serif;background:#f4f4f4;color:#333}}
.top{{background:{c1};color:#fff;padding:18px 0}}
.top .logo{{width:1200px;margin:0 auto;font-size:30px;font-weight:bold}}
.top .tools{{width:1200px;margin:0 auto;text-align:right;font-size:13px}}
.top .tools a{{color:#fff;margin-left:12px;text-decoration:none}}
.nav{{background:{c2}}}
.nav ul{{width:1200px;margin:0 auto;padding:0;list-style:none;display:flex}}
.nav li a{{display:block;color:#fff;padding:12px 30px;text-decoration:none;font-size:17px}}
.crumb{{width:1200px;margin:12px auto 0;font-size:14px;color:#666}}
.crumb a{{color:#666;text-decoration:none}}
.main{{width:1200px;margin:12px auto;display:flex}}
.side{{width:260px;background:#fff;margin-right:16px;padding:12px}}
.side h3{{border-bottom:2px solid {c1};padding-bottom:6px;font-size:16px}}
.side li{{font-size:14px;line-height:26px}}
.article{{flex:1;background:#fff;padding:24px 40px}}
.article h1{{text-align:center;font-size:24px;color:#000;line-height:1.6}}
.info{{text-align:center;color:#888;font-size:14px;border-bottom:1px dashed #ccc;padding-bottom:10px}}
.meta-box{{background:#f8f8f8;border:1px solid #e2e2e2;padding:8px 16px;font-size:14px;margin:14px 0}}
.meta-box li{{display:inline-block;width:45%;line-height:26px}}
.xxgk-table{{width:100%;border-collapse:collapse;margin:14px 0;font-size:14px}}
.xxgk-table th{{background:#f2f6fa;border:1px solid #d6dde6;padding:6px 10px;width:12%;font-weight:normal;color:#555;text-align:right}}
.xxgk-table td{{border:1px solid #d6dde6;padding:6px 10px;width:38%}}
.content p{{text-indent:2em;line-height:2;font-size:16px;margin:4px 0}}
.content p.issuer{{text-align:center;text-indent:0;color:#e60000;font-size:26px;font-weight:bold;letter-spacing:2px}}
.content p.wh,.content p.subtitle,.content p.chapter{{text-align:center;text-indent:0}}
.content p.chapter{{font-weight:bold;margin-top:12px}}
.content p.wh{{border-bottom:2px solid #e60000;padding-bottom:8px}}
.content p.subtitle{{font-size:20px;font-weight:bold;margin:18px 0}}
.content p.right{{text-align:right}}
.content table{{border-collapse:collapse;margin:10px auto;width:96%}}
.content td,.content th{{border:1px solid #666;padding:6px 8px;font-size:15px;text-align:center}}
.content caption{{font-weight:bold;padding:6px}}
.share{{margin-top:24px;text-align:right;font-size:14px;color:#666}}
.share a{{margin-left:10px;color:{c1};cursor:pointer}}
.footer{{background:{c3};color:#e8e8e8;text-align:center;font-size:14px;line-height:28px;padding:16px 0}}
.footer a{{color:#fff;text-decoration:none}}
</style>
<script type="text/javascript">
var _hmt = _hmt || [];
(function() {{
  var hm = document.createElement("script");
  hm.src = "https://tongji.{domain}/stat.js?sid=gov{sitecode}";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
}})();
</script>
</head>
<body>
<div class="top">
  <div class="tools"><a href="/wza/">无障碍</a><a href="/app/">移动版</a><a href="/en/">English</a></div>
  <div class="logo">{site}</div>
</div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zwgk/zcwj/">政策文件</a></li>
    <li><a href="/zwgk/zcjd/">政策解读</a></li>
    <li><a href="/bsfw/">办事服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li>
  </ul>
</div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a> &gt; <a href="/zwgk/zcwj/bmwj/">{column}</a></div>
<div class="main">
  <div class="side">
    <h3>相关链接</h3>
    <ul class="related">
{related}
    </ul>
    <h3>热点专题</h3>
    <ul>
      <li><a href="/ztzl/yshj/">优化营商环境</a></li>
      <li><a href="/ztzl/hqzc/">惠企政策直通车</a></li>
      <li><a href="/hdjl/zxts/">我要咨询</a></li>
    </ul>
  </div>
  <div class="article">
{metabox}
    <h1>{title}</h1>
    <div class="info">发布时间：{pubtime}　　来源：{source}　　浏览次数：<span id="hits">--</span>　　字号：<a onclick="setFont(18)">大</a> <a onclick="setFont(16)">中</a> <a onclick="setFont(14)">小</a></div>
    <div class="content" id="zoom">
{body}
    </div>
    <div class="share">分享到：<a onclick="shareTo('weixin')">微信</a><a onclick="shareTo('weibo')">微博</a>　<a onclick="window.print()">【打印本页】</a>　<a onclick="window.close()">【关闭窗口】</a></div>
  </div>
</div>
<div class="footer">
  <p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/wzsm/">网站声明</a> | <a href="/yszc/">隐私政策</a></p>
  <p>版权所有：{site}　主办单位：{host_office}　网站联系电话：{phone}</p>
  <p>ICP备案号：<a href="https://beian.miit.gov.cn/">{icp}</a>　<a href="http://www.beian.gov.cn/">{police}</a>　网站标识码：{sitecode}</p>
</div>
<script type="text/javascript">
function setFont(size) {{
  var ps = document.getElementById("zoom").getElementsByTagName("p");
  for (var i = 0; i < ps.length; i++) {{ ps[i].style.fontSize = size + "px"; }}
}}
function shareTo(target) {{
  var url = encodeURIComponent(location.href), title = encodeURIComponent(document.title);
  if (target === "weibo") {{ window.open("https://service.weibo.com/share/share.php?url=" + url + "&title=" + title); }}
  else {{ alert("请使用微信“扫一扫”分享本页"); }}
}}
(function () {{ document.getElementById("hits").innerHTML = Math.floor(Math.random() * 3000 + 500); }})();
</script>
</body>
</html>
"""


def build_html(doc, path):
    e = _html.escape
    site = doc["site"]
    body = []
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "issuer":
            body.append('      <p class="issuer">%s</p>' % e(b[1]))
        elif kind == "docno":
            body.append('      <p class="wh">%s</p>' % e(b[1]))
        elif kind == "subtitle":
            body.append('      <p class="subtitle">%s</p>' % e(b[1]))
        elif kind == "chapter":
            body.append('      <p class="chapter">%s</p>' % e(b[1]))
        elif kind in ("sign", "date"):
            body.append('      <p class="right">%s</p>' % e(b[1]))
        elif kind == "p":
            body.append("      <p>%s</p>" % e(b[1]))
        elif kind == "table":
            _, caption, header, rows = b[:4]
            cellx = lambda s: e(s).replace("\n", "<br>")
            t = ['      <table border="1" cellspacing="0" cellpadding="0">']
            if caption:
                t.append("        <caption>%s</caption>" % e(caption))
            t.append("        <thead>" + "".join(
                "<tr>" + "".join("<th>%s</th>" % cellx(h) for h in hr) + "</tr>"
                for hr in header_rows(header)) + "</thead>")
            t.append("        <tbody>")
            for r in rows:
                t.append("          <tr>" + "".join("<td>%s</td>" % cellx(c) for c in r) + "</tr>")
            t.append("        </tbody>")
            t.append("      </table>")
            body.append("\n".join(t))
        else:
            raise ValueError(kind)
    related = "\n".join('      <li><a href="/zwgk/zcwj/%d.html">%s</a></li>' % (2310 + 7 * i, e(x))
                        for i, x in enumerate(site["related"]))
    c1, c2, c3 = site["theme"]
    if site.get("meta_table"):
        mt = site["meta_table"]
        trs = []
        for i in range(0, len(mt), 2):
            trs.append("        <tr>" + "".join("<th>%s</th><td>%s</td>" % (e(k), e(v))
                                              for k, v in mt[i:i + 2]) + "</tr>")
        metabox = ('    <table class="xxgk-table">\n' + "\n".join(trs) + "\n    </table>")
    else:
        metabox = ('    <div class="meta-box"><ul>\n'
                   '      <li>索 引 号：%s</li>\n'
                   '      <li>发布机构：%s</li>\n'
                   '      <li>发布日期：%s</li>\n'
                   '      <li>主题分类：%s</li>\n'
                   '    </ul></div>') % (e(site["index_no"]), e(site["source"]),
                                        site["pubtime"][:10], e(site["column"]))
    html_text = HTML_TMPL.format(
        title=e(doc["title"]), column=site["column"], site=site["name"], domain=site["domain"],
        pubtime=site["pubtime"], pubdate=site["pubtime"][:10], source=site["source"],
        keywords=site["keywords"], related=related, body="\n".join(body),
        host_office=site["host_office"], phone=site["phone"], icp=site["icp"],
        police=site["police"], sitecode=site["sitecode"], index_no=site["index_no"],
        metabox=metabox, c1=c1, c2=c2, c3=c3)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html_text)


# ----------------------------- PDF ----------------------------------------
def build_pdf(doc, path):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import (HRFlowable, KeepTogether, Paragraph,
                                    SimpleDocTemplate, Spacer, Table, TableStyle)

    if "wqy" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("wqy", FONT_PATH, subfontIndex=0))
    F = "wqy"
    base = dict(fontName=F, wordWrap="CJK")
    st = {
        "issuer": ParagraphStyle("issuer", fontSize=20, leading=30, alignment=TA_CENTER,
                                 textColor=colors.HexColor("#E60000"), spaceAfter=10, **base),
        "docno": ParagraphStyle("docno", fontSize=12, leading=18, alignment=TA_CENTER, **base),
        "title": ParagraphStyle("title", fontSize=17, leading=26, alignment=TA_CENTER,
                                spaceBefore=12, spaceAfter=12, **base),
        "h2": ParagraphStyle("h2", fontSize=13, leading=22, spaceBefore=6, spaceAfter=2, **base),
        "p": ParagraphStyle("p", fontSize=11.5, leading=21, firstLineIndent=23, **base),
        "p0": ParagraphStyle("p0", fontSize=11.5, leading=21, **base),
        "right": ParagraphStyle("right", fontSize=11.5, leading=21, alignment=TA_RIGHT, **base),
        "cap": ParagraphStyle("cap", fontSize=11.5, leading=18, alignment=TA_CENTER,
                              spaceBefore=6, spaceAfter=4, **base),
        "th": ParagraphStyle("th", fontSize=doc.get("pdf_table_font", 10), leading=14,
                             alignment=TA_CENTER, **base),
        "td": ParagraphStyle("td", fontSize=doc.get("pdf_table_font", 10), leading=14,
                             alignment=TA_CENTER, **base),
    }
    story = []
    title = ""
    issuer = ""
    first_p = True
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "issuer":
            issuer = (issuer + "　" + b[1]) if issuer else b[1]
            story.append(Paragraph(_html.escape(b[1]), st["issuer"]))
        elif kind == "docno":
            story.append(Paragraph(_html.escape(b[1]), st["docno"]))
            story.append(HRFlowable(width="100%", thickness=1.5, color=colors.HexColor("#E60000"),
                                    spaceBefore=4, spaceAfter=4))
        elif kind == "title":
            title = b[1]
            story.append(Paragraph(_html.escape(b[1]), st["title"]))
        elif kind == "h2":
            story.append(Paragraph(_html.escape(b[1]), st["h2"]))
        elif kind == "p":
            # salutation line (first paragraph) is not indented
            story.append(Paragraph(_html.escape(b[1]), st["p0" if first_p else "p"]))
            first_p = False
        elif kind == "sign":
            story.append(Spacer(1, 18))
            story.append(Paragraph(_html.escape(b[1]), st["right"]))
        elif kind == "date":
            story.append(Paragraph(_html.escape(b[1]), st["right"]))
        elif kind == "table":
            _, caption, header, rows = b[:4]
            cellx = lambda s: _html.escape(s).replace("\n", "<br/>")
            cap = Paragraph(_html.escape(caption), st["cap"])
            hrows = header_rows(header)
            data = [[Paragraph(cellx(h), st["th"]) for h in hr] for hr in hrows]
            data += [[Paragraph(cellx(c), st["td"]) for c in r] for r in rows]
            widths = doc.get("pdf_col_widths")
            t = Table(data, colWidths=[w * cm for w in widths] if widths else None,
                      repeatRows=len(hrows))
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]))
            if doc.get("pdf_split_table"):
                # the table may run over a page break (header row repeated)
                story.extend([cap, t])
            else:
                story.append(KeepTogether([cap, t]))
            story.append(Spacer(1, 6))
        else:
            raise ValueError(kind)

    class NumberedCanvas(Canvas):
        """Draws the footer page number when the page is finished."""
        def showPage(self):
            self.saveState()
            self.setFont(F, 10.5)
            self.drawCentredString(A4[0] / 2, 1.4 * cm, "— %d —" % self.getPageNumber())
            self.restoreState()
            super().showPage()

    sd = SimpleDocTemplate(path, pagesize=A4, leftMargin=2.4 * cm, rightMargin=2.4 * cm,
                           topMargin=2.5 * cm, bottomMargin=2.5 * cm,
                           title=title, author=issuer, subject=doc["topic"])
    sd.build(story, canvasmaker=NumberedCanvas)


def main():
    for doc in DOCS:
        path = os.path.join(HERE, doc["file"])
        ext = doc["file"].rsplit(".", 1)[1]
        {"docx": build_docx, "html": build_html, "pdf": build_pdf}[ext](doc, path)
        print("built", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
