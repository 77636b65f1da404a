# -*- coding: utf-8 -*-
"""Self-contained builder for six blind test documents (doc25–doc30, batch 5).

All documents are fictional city-government policy notices.
Run:  python build5.py      (writes the six files next to this script)

  doc25.docx  盐城  小微企业融资担保费补贴实施办法  (Word table, rows are loan-amount ranges)
  doc26.docx  宜昌  总部企业认定和奖励办法          (Word table, A类/B类/C类 tiers; 二〇二五年 date)
  doc27.html  株洲  博士后科研工作站建设资助办法    (site page; 文号/发布日期 only in the info box)
  doc28.html  德阳  充电基础设施建设运营补贴办法    (site page, plain meta box, table in the body)
  doc29.pdf   漳州  会展业高质量发展扶持办法        (ruled table running over a page break)
  doc30.pdf   淄博  绿色制造体系建设奖励办法        (ruled table with multi-line cells)

Block types:
  ("issuer", text)   red header line (issuing organs); may appear twice
  ("docno", text)    文号 line
  ("title", text)    document title (docx/pdf only; html uses doc["title"] as <h1>)
  ("subtitle", text) title of the attached 办法/细则
  ("chapter", text)  chapter heading (centered)
  ("h2", text)       section heading (left)
  ("p", text)        body paragraph
  ("table", caption, header_row, rows[, opts])
  ("sign", text)     signature line (right aligned)
  ("date", text)     date line (right aligned)
  ("note", text)     small note line (抄送 / 此件公开发布)
  ("attach", text)   attachment label (附件)
  ("pagebreak",)     page break (docx only)
Table cells may contain "\\n" (a multi-line cell).
Per-document options: docx_body_pt / docx_line_pt (docx body font size and line
spacing), pdf_col_widths, pdf_split_table, pdf_table_font.
"""
import html as _html
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

# ---------------------------------------------------------------------------
# DOC 25  盐城  小微企业融资担保费补贴  (docx, table rows are loan-amount ranges)
# ---------------------------------------------------------------------------
DOC25 = {
    "file": "doc25.docx",
    "city": "盐城",
    "topic": "小微企业融资担保费补贴",
    "docx_body_pt": 14,
    "docx_line_pt": 20,
    "blocks": [
        ("issuer", "盐城市地方金融管理局"),
        ("issuer", "盐城市财政局"),
        ("docno", "盐金发〔2025〕9号"),
        ("title", "关于印发《盐城市小微企业融资担保费补贴实施办法》的通知"),
        ("p", "各县（市、区）金融工作部门、财政局，盐城经济技术开发区、盐南高新区有关部门，各合作融资担保机构："),
        ("p", "为进一步降低小微企业和“三农”主体融资成本，发挥政府性融资担保增信作用，经市政府同意，现将《盐城市小微企业融资担保费补贴实施办法》印发给你们，请认真贯彻执行。"),
        ("subtitle", "盐城市小微企业融资担保费补贴实施办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为缓解小微企业融资难、融资贵问题，根据国家和省关于支持政府性融资担保发展的有关规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称融资担保费补贴，是指对小微企业、个体工商户和农业经营主体通过合作担保机构获得银行贷款担保时实际缴纳的担保费，由财政资金按照一定比例给予的补贴。本办法所称合作担保机构，是指纳入市地方金融管理局公布的合作名单的政府性融资担保机构和其他融资担保机构。"),
        ("p", "第三条　市地方金融管理局负责合作担保机构名单管理和补贴审核，市财政局负责资金保障和监督。补贴资金从市级普惠金融发展专项资金中列支，年度补贴资金规模为3000万元。"),
        ("chapter", "第二章　补贴条件"),
        ("p", "第四条　申请担保费补贴的借款主体应当同时符合下列条件："),
        ("p", "（一）在盐城市行政区域内登记注册、纳税的小微企业、个体工商户或者家庭农场、农民专业合作社等农业经营主体；"),
        ("p", "（二）2025年1月1日以后通过合作担保机构取得银行贷款担保，担保期限不少于6个月；"),
        ("p", "（三）已足额缴纳担保费，贷款按期还本付息，无逾期记录；"),
        ("p", "（四）不属于房地产开发、地方政府融资平台和高耗能、高排放行业企业；"),
        ("p", "（五）未被列入严重失信主体名单。"),
        ("p", "第五条　合作担保机构向借款主体收取的年化担保费率超过1.5%的，该笔业务不享受本办法补贴。合作担保机构不得向借款主体收取保证金、咨询费、评审费等担保费以外的费用。"),
        ("chapter", "第三章　补贴标准"),
        ("p", "第六条　担保费补贴按照单笔担保贷款金额分档确定，以借款主体实际缴纳的担保费为基数，首贷户适用较高的补贴比例，具体标准见下表。"),
        ("table", "盐城市融资担保费补贴标准",
         ["单笔担保贷款金额", "担保费补贴比例", "首贷户补贴比例", "单笔补贴上限"],
         [["300万元以下", "60%", "80%", "2万元"],
          ["300万元（含）—500万元", "50%", "70%", "3万元"],
          ["500万元（含）—1000万元", "40%", "60%", "5万元"],
          ["1000万元（含）—2000万元", "30%", "50%", "8万元"]]),
        ("p", "第七条　本办法所称首贷户，是指在获得本笔担保贷款前从未在银行业金融机构取得过经营性贷款的借款主体。单笔担保贷款金额2000万元（含）以上的，不纳入补贴范围。"),
        ("p", "第八条　同一笔担保贷款只能享受一次补贴，单户借款主体年度累计补贴不超过10万元。已享受省级融资担保费补贴的，市级补贴按照差额补足，不重复享受。"),
        ("p", "第九条　对合作担保机构发生的小微企业担保代偿损失，按照代偿金额的20%给予风险补偿，单家机构年度风险补偿最高200万元。"),
        ("chapter", "第四章　申报程序"),
        ("p", "第十条　担保费补贴按半年申报，每年1月和7月分别受理上一个半年度发生的担保业务。补贴由合作担保机构汇总后通过“盐城市综合金融服务平台”统一代为申报，借款主体无需单独申报。"),
        ("p", "第十一条　合作担保机构申报时应当提交补贴申请汇总表、担保合同、借款合同、担保费缴纳凭证和借款主体信用承诺书。"),
        ("p", "第十二条　县（市、区）金融工作部门在10个工作日内完成初审，市地方金融管理局会同市财政局复核，复核结果公示5个工作日。公示无异议的，补贴资金直接拨付至借款主体银行账户。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十三条　借款主体以虚构贷款用途、伪造缴费凭证等方式骗取补贴的，由市地方金融管理局追回补贴资金，3年内取消其申请本办法补贴的资格；合作担保机构虚报业务数据、违规收费的，移出合作名单，2年内不得重新纳入；涉嫌犯罪的，移送司法机关依法处理。"),
        ("chapter", "第六章　附则"),
        ("p", "第十四条　本办法由市地方金融管理局、市财政局负责解释。"),
        ("p", "第十五条　本办法自2025年4月1日起施行，有效期3年。2025年1月1日至本办法施行前发生的担保业务，参照本办法执行。"),
        ("p", "咨询电话：0515-88366521（市地方金融管理局普惠金融处）"),
        ("sign", "盐城市地方金融管理局　　盐城市财政局"),
        ("date", "2025年2月26日"),
        ("note", "（此件公开发布）"),
        ("note", "抄送：江苏省地方金融管理局，市政府办公室。"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 26  宜昌  总部企业认定和奖励  (docx, A类/B类/C类 tier table, Chinese-numeral date)
# ---------------------------------------------------------------------------
DOC26 = {
    "file": "doc26.docx",
    "city": "宜昌",
    "topic": "总部企业认定和奖励",
    "docx_body_pt": 14,
    "docx_line_pt": 20,
    "blocks": [
        ("issuer", "宜昌市人民政府办公室"),
        ("docno", "宜府办发〔2025〕6号"),
        ("title", "市人民政府办公室关于印发宜昌市总部企业认定和奖励办法的通知"),
        ("p", "各县市区人民政府，宜昌高新区管委会，市政府各部门："),
        ("p", "《宜昌市总部企业认定和奖励办法》已经市人民政府同意，现印发给你们，请认真组织实施。"),
        ("subtitle", "宜昌市总部企业认定和奖励办法"),
        ("p", "第一条　为加快发展总部经济，吸引国内外大企业在我市设立总部，根据国家和省有关规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称总部企业，是指在宜昌市注册登记，对一定区域内的企业行使投资控股、运营决策、集中销售、财务结算等管理服务职能的企业，分为综合型总部企业和职能型总部企业。职能型总部企业包括结算中心、销售中心、采购中心和研发中心等。"),
        ("p", "第三条　市发展改革委是全市总部经济发展的牵头部门，负责总部企业认定和奖励的组织实施；市财政局负责奖励资金保障；市税务局负责提供企业纳税数据。奖励资金由市和企业注册地县市区财政按照5:5的比例分担。"),
        ("h2", "一、认定条件"),
        ("p", "第四条　申请认定综合型总部企业的，应当同时符合下列条件："),
        ("p", "（一）在宜昌市行政区域内登记注册、税务登记，具有独立法人资格，实行统一核算并在我市汇总缴纳企业所得税；"),
        ("p", "（二）实缴注册资本不低于5000万元；"),
        ("p", "（三）在宜昌市以外控股或者管理的分支机构不少于3家；"),
        ("p", "（四）上年度营业收入不低于10亿元，其中服务业企业不低于5亿元；"),
        ("p", "（五）上年度在宜纳税额达到本办法第七条表中C类总部企业以上标准。"),
        ("p", "第五条　申请认定职能型总部企业的，应当为独立核算的法人企业，上年度营业收入不低于2亿元，上年度在宜纳税额不低于1000万元。"),
        ("p", "第六条　房地产开发、类金融企业以及以招商引资为目的注册但无实际经营场所的企业，不予认定为总部企业。"),
        ("h2", "二、奖励标准"),
        ("p", "第七条　总部企业按照上年度在宜纳税额分为A类、B类、C类和职能型四个类别，分别适用下表所列奖励标准。在宜纳税额不含海关代征税收和个人所得税。"),
        ("table", "宜昌市总部企业分类奖励标准",
         ["总部类别", "上年度在宜纳税额", "落户奖励", "经营贡献奖励比例", "购置办公用房补助"],
         [["A类总部企业", "1亿元（含）以上", "1000万元", "50%", "每平方米1000元，最高500万元"],
          ["B类总部企业", "5000万元（含）—1亿元", "500万元", "40%", "每平方米800元，最高300万元"],
          ["C类总部企业", "3000万元（含）—5000万元", "200万元", "30%", "每平方米600元，最高150万元"],
          ["职能型总部企业", "1000万元（含）以上", "100万元", "20%", "不享受"]]),
        ("p", "第八条　落户奖励适用于2025年1月1日以后新迁入或者新设立的总部企业，分3年按照40%、30%、30%的比例拨付。"),
        ("p", "第九条　经营贡献奖励自认定次年起连续给予3年，以企业上年度地方经济贡献较前一年度的增量部分为基数，按照上表所列比例计算。"),
        ("p", "第十条　总部企业租赁自用办公用房的，按照实际租金的30%给予补贴，连续补贴3年，每年最高100万元。购房补助与租房补贴不得同时享受。"),
        ("p", "第十一条　总部企业年薪50万元以上的高级管理人员，按照其个人所得税地方留成部分的60%给予奖励，每家企业每年奖励人数不超过10人。"),
        ("p", "第十二条　同一企业享受本办法各项奖励的年度总额不超过其当年对本市的地方经济贡献。本办法与本市其他同类政策重复的，按照就高原则执行，不重复享受。"),
        ("h2", "三、认定程序"),
        ("p", "第十三条　总部企业认定每年组织一次，原则上于每年4月受理申报。企业向注册地县市区发展改革部门提交认定申请表、营业执照、上年度审计报告、纳税证明和分支机构清单。"),
        ("p", "第十四条　县市区发展改革部门初审后报市发展改革委，市发展改革委会同市财政局、市税务局审核，报市人民政府审定后公布名单。总部企业认定有效期3年，期满后应当重新申请认定。"),
        ("h2", "四、监督管理"),
        ("p", "第十五条　享受落户奖励的总部企业应当书面承诺自享受奖励之日起10年内不迁离宜昌、不减少注册资本。违反承诺的，追回已拨付的全部奖励资金。"),
        ("p", "第十六条　企业以弄虚作假等手段骗取认定或者奖励资金的，撤销其总部企业认定，追回已拨付资金，5年内不得申报市级产业扶持政策，并纳入社会信用记录。"),
        ("h2", "五、附则"),
        ("p", "第十七条　本办法所称地方经济贡献，是指企业缴纳的增值税、企业所得税等税收中的市及县市区地方留成部分。"),
        ("p", "第十八条　本办法由市发展改革委负责解释。"),
        ("p", "第十九条　本办法自2025年7月1日起施行，有效期至2027年12月31日。《宜昌市促进总部经济发展暂行办法》（宜府办发〔2020〕18号）同时废止。"),
        ("p", "咨询电话：0717-6251873（市发展改革委服务业发展科）"),
        ("sign", "宜昌市人民政府办公室"),
        ("date", "二〇二五年五月二十日"),
        ("note", "（此件公开发布）"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 27  株洲  博士后工作站资助  (html, 文号 and 发布日期 only in the 信息公开 info box)
# ---------------------------------------------------------------------------
DOC27 = {
    "file": "doc27.html",
    "city": "株洲",
    "topic": "博士后科研工作站资助",
    "site": {
        "name": "株洲市人民政府",
        "domain": "www.zhuzhou.gov.cn",
        "host_office": "株洲市人民政府办公室",
        "phone": "0731-28688110",
        "icp": "湘ICP备05004127号-1",
        "police": "湘公网安备 43020202000215号",
        "sitecode": "4302000013",
        "column": "部门文件",
        "index_no": "11430200MB1D74519R/2025-01136",
        "pubtime": "2025-06-09 16:30",
        "source": "市人力资源和社会保障局",
        "keywords": "博士后,科研工作站,创新创业实践基地,人才资助",
        "theme": ("#005a9e", "#1273c4", "#00406f"),
        "related": [
            "株洲市高层次人才分类认定目录（2025年版）",
            "关于做好2025年度博士后招收工作的通知",
            "株洲市人才安居实施细则",
            "株洲市“株洲英才”计划实施办法",
            "关于公布2025年株洲市博士后创新创业实践基地名单的通知",
        ],
        "meta_table": [
            ("索 引 号", "11430200MB1D74519R/2025-01136"), ("主题分类", "劳动、人事、监察\\人才工作"),
            ("发文机关", "株洲市人力资源和社会保障局　株洲市财政局"), ("发文字号", "株人社发〔2025〕22号"),
            ("成文日期", "2025年6月3日"), ("发布日期", "2025年6月9日"),
            ("有 效 性", "有效"), ("公开方式", "主动公开"),
        ],
    },
    "title": "株洲市人力资源和社会保障局　株洲市财政局关于印发《株洲市博士后科研工作站建设资助办法》的通知",
    "blocks": [
        ("issuer", "株洲市人力资源和社会保障局　株洲市财政局"),
        ("p", "各县市区人力资源和社会保障局、财政局，株洲高新区人力资源部门，各博士后设站单位："),
        ("p", "为加快集聚博士后青年创新人才，支持企事业单位建设博士后科研平台，现将《株洲市博士后科研工作站建设资助办法》印发给你们，请结合实际抓好落实。"),
        ("subtitle", "株洲市博士后科研工作站建设资助办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为发挥博士后制度在人才培养和科技创新中的作用，根据国家和省关于博士后工作的有关规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称博士后科研平台，包括经人力资源社会保障部、全国博士后管委会批准设立的博士后科研工作站，以及经省人力资源社会保障厅批准设立的博士后创新创业实践基地（以下简称实践基地）。"),
        ("p", "第三条　市人力资源和社会保障局负责资助的组织实施和日常管理，市财政局负责资金保障和监督。资助资金从市级人才发展专项资金中列支。"),
        ("chapter", "第二章　资助对象和条件"),
        ("p", "第四条　申请资助的设站单位应当同时符合下列条件："),
        ("p", "（一）在株洲市行政区域内注册登记的企业、科研院所或者其他事业单位；"),
        ("p", "（二）设有专门的博士后管理机构，配备不少于1名专职管理人员；"),
        ("p", "（三）能够为每名在站博士后研究人员提供每年不低于10万元的科研经费；"),
        ("p", "（四）近3年未发生重大安全生产、环境污染事故，未被列入严重失信主体名单。"),
        ("p", "第五条　申请生活补贴的博士后研究人员，进站时年龄一般不超过40周岁，全职在站从事科研工作，并与设站单位签订2年以上工作协议。在职人员以在职方式进站的，不享受生活补贴。"),
        ("chapter", "第三章　资助标准"),
        ("p", "第六条　建站资助。对新获批设立博士后科研工作站的单位，一次性给予50万元建站资助；对新获批设立实践基地的单位，一次性给予20万元建站资助；实践基地升格为博士后科研工作站的，按照差额补足30万元。"),
        ("p", "第七条　日常经费资助。设站单位每招收1名博士后研究人员进站，按照每人每年5万元给予设站单位日常经费资助，每名博士后最长资助2年。"),
        ("p", "第八条　生活补贴。对符合本办法第五条规定的博士后研究人员，在站期间按照每人每年6万元给予生活补贴，最长不超过2年，按季度发放。"),
        ("p", "第九条　留株安家补贴。博士后研究人员出站后留在株洲工作，并与本市用人单位签订不少于3年劳动合同的，给予30万元安家补贴，分3年等额拨付。"),
        ("p", "第十条　科研项目配套资助。在站博士后研究人员获得中国博士后科学基金面上资助的，按照1:1的比例给予配套资助，最高8万元；获得特别资助的，按照1:1的比例给予配套资助，最高18万元。"),
        ("p", "第十一条　同一单位或者个人因同一事项符合本市多项资助政策的，按照就高原则给予资助，不重复享受。"),
        ("chapter", "第四章　申报程序"),
        ("p", "第十二条　资助每年集中受理两次，分别于3月和9月受理。设站单位通过“株洲市人才服务平台”统一提交申报材料，博士后研究人员的生活补贴、安家补贴由设站单位代为申报。"),
        ("p", "第十三条　县市区人力资源和社会保障部门在10个工作日内完成初审，市人力资源和社会保障局会同市财政局审核，审核结果在市人力资源和社会保障局网站公示7个工作日。公示无异议的，拨付资助资金。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十四条　博士后研究人员中途退站或者被退站的，自退站之日起停止发放生活补贴；因个人原因中途退站的，追回已发放的生活补贴。领取安家补贴未满3年离开株洲的，追回尚未拨付部分并按照剩余年限退回已拨付部分。"),
        ("p", "第十五条　设站单位或者个人以提供虚假材料等方式骗取资助资金的，由市人力资源和社会保障局追回已拨付资金，取消设站单位3年内申报本办法资助的资格，并将个人失信行为记入人才诚信档案；涉嫌犯罪的，移送司法机关依法处理。"),
        ("chapter", "第六章　附则"),
        ("p", "第十六条　本办法由市人力资源和社会保障局负责解释。"),
        ("p", "第十七条　本办法自2025年7月1日起施行，有效期5年。"),
        ("p", "咨询电话：0731-28680936（市人力资源和社会保障局专业技术人员管理科）"),
        ("sign", "株洲市人力资源和社会保障局　　株洲市财政局"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 28  德阳  充电基础设施建设运营补贴  (html, plain meta box, table in body)
# ---------------------------------------------------------------------------
DOC28 = {
    "file": "doc28.html",
    "city": "德阳",
    "topic": "充电基础设施建设运营补贴",
    "site": {
        "name": "德阳市人民政府",
        "domain": "www.deyang.gov.cn",
        "host_office": "德阳市人民政府办公室",
        "phone": "0838-2202126",
        "icp": "蜀ICP备05031869号-1",
        "police": "川公网安备 51060302000128号",
        "sitecode": "5106000006",
        "column": "部门文件",
        "index_no": "11510600MB1564823P/2025-00927",
        "pubtime": "2025-08-11 09:40",
        "source": "市发展改革委",
        "keywords": "充电桩,充电基础设施,换电站,新能源汽车",
        "theme": ("#0b6e4f", "#13875f", "#084c37"),
        "related": [
            "德阳市新能源汽车推广应用实施方案（2025—2027年）",
            "关于开展2025年度公共充电设施运营情况检查的通知",
            "德阳市城市停车设施规划建设管理办法",
            "德阳市加快推进县域充电基础设施建设工作方案",
            "关于公布德阳市充电基础设施监测服务平台接入标准的通知",
        ],
    },
    "title": "德阳市发展和改革委员会等三部门关于印发《德阳市充电基础设施建设运营补贴办法》的通知",
    "blocks": [
        ("issuer", "德阳市发展和改革委员会　德阳市经济和信息化局　德阳市财政局"),
        ("docno", "德发改能源〔2025〕15号"),
        ("p", "各县（市、区）发展改革局、经济和信息化局、财政局，德阳高新区、德阳经开区有关部门，各充电设施运营企业："),
        ("p", "为加快构建布局合理、适度超前的充电基础设施体系，更好满足新能源汽车充电需求，经市政府同意，现将《德阳市充电基础设施建设运营补贴办法》印发给你们，请遵照执行。"),
        ("subtitle", "德阳市充电基础设施建设运营补贴办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为促进新能源汽车产业发展，推动充电基础设施建设，根据国家和省关于加快推进充电基础设施建设的有关规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称充电基础设施，是指面向社会公众开放的公共充电桩、充电站和换电站。补贴功率以充电设备铭牌标注的额定输出功率为准。"),
        ("p", "第三条　市发展改革委负责补贴的组织实施和项目审核，市经济和信息化局负责协调电力接入，市财政局负责资金保障。补贴资金从市级节能减排专项资金中列支，由市与县（市、区）财政按照5:5的比例分担。"),
        ("chapter", "第二章　补贴对象和条件"),
        ("p", "第四条　申请补贴的项目应当同时符合下列条件："),
        ("p", "（一）项目单位为在德阳市行政区域内注册登记，具有独立法人资格的充电设施建设运营企业；"),
        ("p", "（二）项目于2025年1月1日以后建成投运，已完成项目备案，并接入“德阳市充电基础设施监测服务平台”；"),
        ("p", "（三）公共充电站全天24小时对外开放，充电价格和服务费标准公开透明；"),
        ("p", "（四）充电设备符合国家标准，项目通过竣工验收和供电部门验收。"),
        ("p", "第五条　个人自用充电桩、企业内部专用充电桩，以及已获得中央和省级财政资金补助的部分，不纳入本办法补贴范围。"),
        ("chapter", "第三章　补贴标准"),
        ("p", "第六条　对符合条件的充电基础设施，按照设施类型和额定输出功率给予一次性建设补贴，具体标准如下："),
        ("table", "德阳市充电基础设施建设补贴标准",
         ["设施类型", "技术条件", "补贴标准", "单个项目最高补贴"],
         [["超级充电站", "单枪额定功率480千瓦及以上", "300元/千瓦", "200万元"],
          ["直流快充桩", "单枪额定功率60千瓦及以上", "200元/千瓦", "100万元"],
          ["直流充电桩", "单枪额定功率60千瓦以下", "120元/千瓦", "50万元"],
          ["交流充电桩", "公共交流慢充设施", "50元/千瓦", "20万元"],
          ["换电站", "服务乘用车或者重型卡车", "设备投资额的20%", "300万元"],
          ["乡镇及农村地区充电站", "位于县城以外的乡镇和行政村", "在上述标准基础上上浮20%", "按对应类型上浮20%"]]),
        ("p", "第七条　运营补贴。对年度平均时间利用率不低于8%的公共充电站，按照年度实际充电量给予每千瓦时0.1元的运营补贴，连续补贴3年，每个充电站每年最高30万元。"),
        ("p", "第八条　建设补贴分两次拨付：项目通过审核后拨付70%，正常运营满1年后拨付剩余30%。"),
        ("chapter", "第四章　申报程序"),
        ("p", "第九条　建设补贴每年集中申报一次，于每年3月1日至3月31日受理上一年度建成投运的项目；运营补贴与建设补贴同期申报。项目单位通过“德阳市充电基础设施监测服务平台”提交补贴申请表、项目备案文件、设备采购合同和发票、验收报告及信用承诺书。"),
        ("p", "第十条　县（市、区）发展改革部门在15个工作日内完成初审并现场核查，市发展改革委会同市财政局审核，审核结果公示5个工作日。公示无异议的，下达补贴资金。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十一条　获得建设补贴的充电设施自补贴拨付之日起5年内不得擅自拆除、迁移或者停止运营；连续停运超过3个月的，按照剩余年限比例追回建设补贴。"),
        ("p", "第十二条　项目单位以虚报充电功率、虚构充电量、重复申报等方式骗取补贴的，由市发展改革委追回全部补贴资金，3年内取消其申报本办法补贴的资格，并纳入公共信用信息平台。"),
        ("chapter", "第六章　附则"),
        ("p", "第十三条　本办法由市发展改革委负责解释。"),
        ("p", "第十四条　本办法自2025年9月1日起施行，有效期至2028年8月31日。"),
        ("p", "咨询电话：0838-2509617（市发展改革委能源科）"),
        ("sign", "德阳市发展和改革委员会　　德阳市经济和信息化局　　德阳市财政局"),
        ("date", "2025年8月5日"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 29  漳州  会展业发展扶持  (pdf, long ruled table running over a page break)
# ---------------------------------------------------------------------------
DOC29 = {
    "file": "doc29.pdf",
    "city": "漳州",
    "topic": "会展业发展扶持",
    "pdf_col_widths": [1.2, 2.6, 5.8, 3.6, 3.0],
    "pdf_split_table": True,
    "blocks": [
        ("issuer", "漳州市商务局　漳州市财政局"),
        ("docno", "漳商务〔2025〕41号"),
        ("title", "漳州市促进会展业高质量发展扶持办法"),
        ("p", "各县（区）商务主管部门、财政局，漳州高新区、漳州台商投资区、古雷港经济开发区有关部门，各会展企业："),
        ("p", "为培育壮大会展经济，发挥会展业对招商引资、扩大消费和城市推介的带动作用，根据省关于促进会展业高质量发展的有关规定，结合我市实际，制定本办法。"),
        ("h2", "第一章　总则"),
        ("p", "第一条　本办法适用于在漳州市行政区域内举办的展览、会议活动，以及会展企业引进、会展人才培训和企业出境参展等事项。"),
        ("p", "第二条　市商务局负责扶持资金的组织申报、审核和绩效评价，市财政局负责资金保障和监督。扶持资金从市级商务发展专项资金中列支。"),
        ("h2", "第二章　申报条件"),
        ("p", "第三条　申请展览、会议扶持的主办单位应当同时符合下列条件："),
        ("p", "（一）在漳州市行政区域内登记注册的企业、社会组织；市外主办单位与本市会展企业联合办展的，可以由联合办展企业申报；"),
        ("p", "（二）展会在本市专业展馆或者具备条件的场馆举办，展期不少于3天；"),
        ("p", "（三）展会开幕30日前向市商务局备案，并按照规定办理安全许可手续；"),
        ("p", "（四）近3年内未发生重大安全事故，未被列入严重失信主体名单。"),
        ("h2", "第三章　扶持标准"),
        ("p", "第四条　符合条件的项目，按照下表给予扶持。展览面积以第三方审计机构出具的专项审计报告认定的面积为准。"),
        ("table", "漳州市会展业发展扶持标准",
         ["序号", "扶持类别", "规模或者条件", "扶持标准", "备注"],
         [["1", "展览项目", "展览面积3000平方米（含）—5000平方米，标准展位不少于150个", "每个展会10万元", "同一展会每年扶持一次"],
          ["2", "展览项目", "展览面积5000平方米（含）—1万平方米", "每个展会20万元", "同一展会每年扶持一次"],
          ["3", "展览项目", "展览面积1万平方米（含）—3万平方米", "每个展会40万元", "同一展会每年扶持一次"],
          ["4", "展览项目", "展览面积3万平方米（含）以上", "每个展会80万元", "同一展会每年扶持一次"],
          ["5", "国际性展会", "境外参展商数量占比不低于20%", "在第1至4项标准基础上上浮30%", "须提供境外参展商名单"],
          ["6", "会议项目", "参会人数300人（含）—500人，且市外参会人员占比不低于50%", "每场5万元", "会期不少于1天"],
          ["7", "会议项目", "参会人数500人（含）—1000人", "每场10万元", "市外参会人员占比不低于50%"],
          ["8", "会议项目", "参会人数1000人（含）以上", "每场20万元", "市外参会人员占比不低于50%"],
          ["9", "国际会议", "境外参会人员不少于50人", "每场30万元", "不与第6至8项重复享受"],
          ["10", "品牌展会认证", "获得国际展览业协会（UFI）认证", "一次性奖励50万元", "认证须在本市展会取得"],
          ["11", "品牌展会认证", "被国家级会展行业协会评定为品牌展会", "一次性奖励20万元", "与第10项就高享受"],
          ["12", "会展企业引进", "世界商展100强或者国内会展百强企业在漳设立独立法人企业", "一次性奖励100万元", "落户后3年内在漳办展不少于2个"],
          ["13", "会展人才培训", "组织会展从业人员参加专业培训", "培训费用的50%", "每家企业年度最高5万元"],
          ["14", "企业出境参展", "参加市商务局发布的重点境外展会目录内的展会", "展位费的70%", "每个展会最高3万元"]]),
        ("p", "第五条　以零售为主的展销会、人才招聘会、房地产交易会，以及财政资金全额出资举办的展会，不享受本办法扶持。"),
        ("p", "第六条　同一主办单位年度获得本办法扶持资金累计不超过200万元。同一项目符合本市其他财政扶持政策的，按照就高原则执行，不重复享受。"),
        ("h2", "第四章　申报程序"),
        ("p", "第七条　展览、会议项目应当在活动结束之日起3个月内提出申请；会展企业引进、人才培训和出境参展项目于每年11月集中申报。主办单位向市商务局提交扶持资金申请表、展会备案回执、第三方审计机构出具的展览面积和参展商专项审计报告、场地租赁合同和发票及信用承诺书。"),
        ("p", "第八条　市商务局会同市财政局在20个工作日内完成审核，审核结果在市商务局网站公示7个工作日。公示无异议的，拨付扶持资金。"),
        ("h2", "第五章　监督管理"),
        ("p", "第九条　主办单位以虚报展览面积、参会人数或者境外参展商数量等方式骗取扶持资金的，由市商务局追回已拨付资金，3年内取消其申报市级商务发展专项资金的资格，并纳入公共信用信息平台；第三方审计机构出具虚假报告的，依法追究责任。"),
        ("h2", "第六章　附则"),
        ("p", "第十条　本办法所称主办单位，是指负责制定展会或者会议方案、承担主要招展招商和组织实施工作，并承担相应法律责任的单位。"),
        ("p", "第十一条　本办法由市商务局会同市财政局负责解释。"),
        ("p", "第十二条　本办法自2025年10月1日起施行，有效期3年。《漳州市会展业发展扶持暂行办法》（漳商务〔2022〕17号）同时废止。"),
        ("p", "咨询电话：0596-2993178（市商务局会展服务科）"),
        ("sign", "漳州市商务局　　漳州市财政局"),
        ("date", "2025年9月12日"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 30  淄博  绿色制造（绿色工厂）奖励  (pdf, ruled table with multi-line cells)
# ---------------------------------------------------------------------------
DOC30 = {
    "file": "doc30.pdf",
    "city": "淄博",
    "topic": "绿色工厂奖励",
    "pdf_col_widths": [3.4, 4.6, 4.0, 4.2],
    "blocks": [
        ("issuer", "淄博市工业和信息化局"),
        ("issuer", "淄博市财政局"),
        ("docno", "淄工信字〔2025〕33号"),
        ("title", "淄博市绿色制造体系建设奖励办法"),
        ("p", "各区县工业和信息化局、财政局，高新区、经济开发区、文昌湖省级旅游度假区有关部门，各有关企业："),
        ("p", "为加快推动工业绿色低碳转型，引导企业创建绿色工厂、绿色供应链管理企业和绿色工业园区，根据国家和省关于绿色制造体系建设的有关规定，结合我市实际，制定本办法。"),
        ("h2", "第一章　总则"),
        ("p", "第一条　本办法所称绿色制造体系，包括绿色工厂、绿色供应链管理企业、绿色工业园区和绿色设计产品。"),
        ("p", "第二条　市工业和信息化局负责奖励的组织申报、审核和动态管理，市财政局负责资金保障和监督。奖励资金从市级工业转型发展专项资金中列支。"),
        ("h2", "第二章　申报条件"),
        ("p", "第三条　申请奖励的单位应当同时符合下列条件："),
        ("p", "（一）在淄博市行政区域内登记注册、纳税，具有独立法人资格的工业企业；申请绿色工业园区奖励的，为园区管理机构；"),
        ("p", "（二）2025年1月1日以后被工业和信息化部或者省工业和信息化厅认定，并列入公布名单；"),
        ("p", "（三）近3年未发生较大及以上安全生产、环境污染和产品质量事故，未受到生态环境部门10万元以上罚款的行政处罚；"),
        ("p", "（四）未被列入严重失信主体名单。"),
        ("h2", "第三章　奖励标准"),
        ("p", "第四条　符合条件的，按照下表给予一次性奖励。"),
        ("table", "淄博市绿色制造体系建设奖励标准",
         ["奖励类别", "认定情形", "奖励标准", "说明"],
         [["绿色工厂", "列入工业和信息化部\n国家级绿色工厂名单", "一次性奖励\n50万元", "已获省级奖励的\n按差额补足"],
          ["绿色工厂", "列入省工业和信息化厅\n省级绿色工厂名单", "一次性奖励\n20万元", "—"],
          ["绿色供应链\n管理企业", "列入国家级绿色供应链\n管理企业名单", "一次性奖励\n30万元", "—"],
          ["绿色工业园区", "列入国家级绿色工业\n园区名单", "一次性奖励\n100万元", "奖励园区管理机构，\n用于园区绿色化改造"],
          ["绿色设计产品", "列入国家绿色设计\n产品名单", "每个产品\n奖励5万元", "每家企业\n最高20万元"],
          ["工业产品绿色设计\n示范企业", "被工业和信息化部\n认定为示范企业", "一次性奖励\n40万元", "—"]]),
        ("p", "第五条　同一企业年度累计获得本办法奖励最高不超过100万元。由省级绿色工厂晋升为国家级绿色工厂的，按照差额给予奖励。"),
        ("p", "第六条　获奖企业被工业和信息化部或者省工业和信息化厅撤销称号、移出名单的，由市工业和信息化局追回相应奖励资金。"),
        ("p", "鼓励各区县对获得国家级、省级绿色制造称号的企业给予配套奖励，并在技术改造、节能降碳项目资金安排上予以倾斜。"),
        ("h2", "第四章　申报程序"),
        ("p", "第七条　奖励每年申报一次，申报单位于每年6月1日至6月30日向所在区县工业和信息化局提交奖励申请表、认定文件或者公布名单、营业执照复印件和信用承诺书。"),
        ("p", "第八条　区县工业和信息化局在10个工作日内完成初审，市工业和信息化局会同市财政局审核，审核结果公示5个工作日。公示无异议的，拨付奖励资金。"),
        ("h2", "第五章　法律责任"),
        ("p", "第九条　申报单位提供虚假材料骗取奖励资金的，由市工业和信息化局追回已拨付资金，3年内取消其申报市级工业转型发展专项资金的资格，并将失信信息推送至市公共信用信息平台；涉嫌犯罪的，移送司法机关依法处理。"),
        ("h2", "第六章　附则"),
        ("p", "第十条　本办法由淄博市工业和信息化局会同淄博市财政局负责解释。"),
        ("p", "第十一条　本办法自2025年12月1日起施行，有效期3年。"),
        ("p", "咨询电话：0533-3186472（市工业和信息化局节能与综合利用科）"),
        ("sign", "淄博市工业和信息化局　　淄博市财政局"),
        ("date", "二〇二五年十一月三日"),
    ],
}

DOCS = [DOC25, DOC26, DOC27, DOC28, DOC29, DOC30]


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
# Renderers (adapted from the batch-4 builder)
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

    BODY = doc.get("docx_body_pt", 16)
    LINE = doc.get("docx_line_pt", 28)
    CELL = 12 if BODY >= 16 else 10.5

    def para(text, font="仿宋_GB2312", size=None, bold=False, color=None,
             align=None, indent=True, border=False, space_after=0):
        size = size or BODY
        p = d.add_paragraph()
        if border:
            bottom_border(p)
        pf = p.paragraph_format
        if align is not None:
            p.alignment = align
        pf.space_after = Pt(space_after)
        pf.line_spacing = Pt(max(LINE, round(size * 1.3)))
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
            para(b[1], "仿宋_GB2312", BODY, False, None, C, False, border=True, space_after=24)
        elif kind == "title":
            para(b[1], "方正小标宋简体", 22, False, None, C, False, space_after=18)
        elif kind == "subtitle":
            d.add_paragraph()
            para(b[1], "方正小标宋简体", 20, False, None, C, False, space_after=12)
        elif kind == "chapter":
            para(b[1], "黑体", BODY, False, None, C, False, space_after=6)
        elif kind == "h2":
            para(b[1], "黑体", BODY, False)
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
            para(b[1], "黑体", BODY, False, None, None, False, space_after=6)
        elif kind == "pagebreak":
            d.add_page_break()
        elif kind == "table":
            _, caption, header, rows = b[:4]
            opts = b[4] if len(b) > 4 else {}
            hrows = header_rows(header)
            if caption:
                para(caption, "黑体", BODY, False, None, C, False, space_after=6)
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
                                CELL, is_head)
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
