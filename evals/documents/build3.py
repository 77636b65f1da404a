# -*- coding: utf-8 -*-
"""Self-contained builder for six blind test documents (doc13–doc18, batch 3).

All documents are fictional city-government policy notices.
Run:  python build3.py      (writes the six files next to this script)

Block types (as in build2.py, plus a few layout variants):
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
  ("note", text)     small note line
  ("attach", text)   attachment label (附件), left aligned, bold
  ("pagebreak",)     page break (docx only)
Table cells may contain "\\n" (a multi-line cell).
"""
import html as _html
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

# ---------------------------------------------------------------------------
# DOC 13  湖州  高层次人才安居补贴  (docx, merged header cells)
# ---------------------------------------------------------------------------
DOC13 = {
    "file": "doc13.docx",
    "city": "湖州",
    "topic": "高层次人才安居补贴",
    "blocks": [
        ("issuer", "中共湖州市委人才工作领导小组办公室"),
        ("issuer", "湖州市住房和城乡建设局　湖州市财政局"),
        ("docno", "湖人才办〔2025〕9号"),
        ("title", "关于印发《湖州市高层次人才安居补贴实施办法》的通知"),
        ("p", "各区县人才办、住房和城乡建设局、财政局，南太湖新区有关部门，市级各有关单位："),
        ("p", "为深入实施人才强市战略，加快建设南太湖人才高地，解决高层次人才安居后顾之忧，经市委、市政府同意，现将《湖州市高层次人才安居补贴实施办法》印发给你们，请认真抓好贯彻落实。"),
        ("subtitle", "湖州市高层次人才安居补贴实施办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为加快集聚高层次人才，完善人才住房保障体系，根据省、市关于深化人才发展体制机制改革的有关规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称高层次人才，是指按照《湖州市高层次人才分类认定目录》认定的A类至E类人才。本办法所称安居补贴，包括购房补贴、租房补贴和人才公寓配租三种方式，符合条件的人才可以选择其中一种享受。"),
        ("p", "第三条　市委人才办负责统筹协调和资格认定，市住房和城乡建设局负责人才公寓的筹集、配租和管理，市财政局负责资金保障和监督。安居补贴资金由市、区两级财政按照5:5的比例分担。"),
        ("chapter", "第二章　申请条件"),
        ("p", "第四条　申请安居补贴的人才应当同时符合下列条件："),
        ("p", "（一）2024年1月1日以后全职引进到我市企事业单位工作，或者来湖州创办企业且本人为第一大股东的；"),
        ("p", "（二）与用人单位签订5年以上劳动（聘用）合同，并在湖州连续缴纳社会保险满6个月；"),
        ("p", "（三）申请购房补贴的，应当在湖州市区首次购买商品住房，且购房合同网签备案时间在人才引进之后；"),
        ("p", "（四）本人及配偶、未成年子女在湖州市区无其他自有住房。"),
        ("p", "第五条　有下列情形之一的，不予补贴："),
        ("p", "（一）机关和参照公务员法管理单位的工作人员；"),
        ("p", "（二）已享受本市其他购房补贴、安家补助等同类政策的；"),
        ("p", "（三）人才与用人单位存在劳务派遣、挂职等非全职关系的。"),
        ("chapter", "第三章　补贴标准"),
        ("p", "第六条　安居补贴按照人才类别分档确定，具体标准见下表。"),
        ("table", "湖州市高层次人才安居补贴标准",
         [["人才类别", "购房补贴总额", "租房补贴", "", "人才公寓配租面积"],
          ["", "", "每月标准", "最长享受期限", ""]],
         [["A类（国内外顶尖人才）", "300万元", "6000元", "5年", "180平方米以内"],
          ["B类（国家级领军人才）", "150万元", "4000元", "5年", "140平方米以内"],
          ["C类（省级领军人才）", "80万元", "3000元", "3年", "120平方米以内"],
          ["D类（市级高端人才）", "40万元", "2000元", "3年", "90平方米以内"],
          ["E类（高级人才）", "20万元", "1000元", "3年", "60平方米以内"]],
         {"merge": [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4)]}),
        ("p", "第七条　购房补贴分5年发放，首年发放补贴总额的40%，其余部分在后4年每年发放15%。租房补贴按月核定、按季度发放。"),
        ("p", "第八条　人才所在单位属于我市数字经济、高端装备、新能源汽车等重点产业链企业的，购房补贴在上表基础上上浮10%。全日制博士研究生未认定为高层次人才的，可以参照E类人才标准享受租房补贴。"),
        ("p", "第九条　选择人才公寓配租的，前3年免收租金，第4年起按照同地段市场租金的50%收取租金，配租期限最长不超过5年。配租期间不再享受租房补贴。"),
        ("chapter", "第四章　申请程序"),
        ("p", "第十条　安居补贴实行常态化受理。人才通过“湖州人才码”在线提交申请表、身份证明、人才认定证书、劳动（聘用）合同、社会保险缴纳证明和不动产登记查询结果；申请购房补贴的，还应当提交购房合同和购房发票。"),
        ("p", "第十一条　区县人才办在10个工作日内完成初审，市委人才办会同市住房和城乡建设局复核，复核结果在“湖州人才网”公示5个工作日。公示无异议的，由财政部门将补贴资金拨付至人才本人银行账户。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十二条　享受购房补贴的人才，自首次领取补贴之日起在湖州服务不满5年离开的，停止发放剩余补贴，并按照未服务年限比例退回已领取的购房补贴。"),
        ("p", "第十三条　以提供虚假材料、隐瞒住房情况等方式骗取安居补贴的，由市委人才办追回已发放的全部补贴资金，5年内取消其申报本市各类人才政策的资格，并纳入公共信用信息平台；用人单位协助弄虚作假的，3年内取消其申报市级人才项目的资格。"),
        ("chapter", "第六章　附则"),
        ("p", "第十四条　本办法由市委人才办、市住房和城乡建设局、市财政局负责解释。"),
        ("p", "第十五条　本办法自2025年5月1日起施行，有效期5年。2021年印发的《湖州市人才安居工程实施办法（试行）》同时废止。"),
        ("p", "联系人：市委人才办人才服务处　沈女士，咨询电话：0572-2039167"),
        ("sign", "中共湖州市委人才工作领导小组办公室　　湖州市住房和城乡建设局　　湖州市财政局"),
        ("date", "2025年4月10日"),
        ("note", "（此件公开发布）"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 14  芜湖  专精特新中小企业梯度培育奖励  (docx, 附件 table at the end)
# ---------------------------------------------------------------------------
DOC14 = {
    "file": "doc14.docx",
    "city": "芜湖",
    "topic": "专精特新中小企业梯度培育奖励",
    "blocks": [
        ("issuer", "芜湖市经济和信息化局　芜湖市财政局"),
        ("docno", "芜经信中小〔2025〕21号"),
        ("title", "芜湖市经济和信息化局　芜湖市财政局关于印发《芜湖市专精特新中小企业梯度培育奖励办法》的通知"),
        ("p", "各县市区经济和信息化局、财政局，各开发区经济发展局，各有关企业："),
        ("p", "为构建优质中小企业梯度培育体系，引导中小企业走专业化、精细化、特色化、新颖化发展道路，经市政府同意，现将《芜湖市专精特新中小企业梯度培育奖励办法》印发给你们，请认真组织实施。"),
        ("subtitle", "芜湖市专精特新中小企业梯度培育奖励办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为加快培育一批专注细分市场、创新能力强、成长性好的专精特新中小企业，根据工业和信息化部《优质中小企业梯度培育管理暂行办法》和省有关规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称梯度培育，是指按照创新型中小企业、省级专精特新中小企业、国家级专精特新“小巨人”企业、制造业单项冠军企业的层级，对企业实施分层分类培育和奖励。"),
        ("p", "第三条　市经济和信息化局负责奖励的组织申报和审核，市财政局负责资金保障和拨付。奖励资金从市级中小企业发展专项资金中列支，由市与县市区财政按照6:4的比例分担。"),
        ("chapter", "第二章　奖励条件"),
        ("p", "第四条　申请奖励的企业应当同时符合下列条件："),
        ("p", "（一）在芜湖市行政区域内注册登记、纳税，具有独立法人资格；"),
        ("p", "（二）已通过工业和信息化部或者安徽省经济和信息化厅的认定或者复核，且在有效期内；"),
        ("p", "（三）上年度研发费用占营业收入比重不低于3%；"),
        ("p", "（四）近3年未发生重大安全、质量、环境污染事故，未被列入严重失信主体名单。"),
        ("p", "第五条　企业从外地迁入我市的，迁入前获得的认定不享受本办法规定的认定奖励，但可以享受复核通过奖励。"),
        ("chapter", "第三章　奖励标准"),
        ("p", "第六条　对首次获得认定和通过复核的企业，按照下表给予一次性奖励。"),
        ("table", "芜湖市专精特新中小企业梯度培育奖励标准",
         ["培育层级", "认定部门", "首次认定奖励", "复核通过奖励"],
         [["创新型中小企业", "安徽省经济和信息化厅", "5万元", "不设复核奖励"],
          ["省级专精特新中小企业", "安徽省经济和信息化厅", "30万元", "10万元"],
          ["国家级专精特新“小巨人”企业", "工业和信息化部", "100万元", "30万元"],
          ["制造业单项冠军企业", "工业和信息化部", "200万元", "50万元"]]),
        ("p", "第七条　企业晋级的，按照“晋级补差”原则，扣除已获得的下一层级认定奖励后补足差额。被列为国家级重点“小巨人”企业的，再给予一次性奖励50万元。"),
        ("p", "第八条　专精特新中小企业上年度营业收入首次突破1亿元、5亿元、10亿元的，分别给予20万元、50万元、100万元的一次性奖励。同一企业同一年度只能按照最高标准享受一次。"),
        ("p", "第九条　同一企业年度累计获得本办法奖励最高不超过300万元。"),
        ("chapter", "第四章　申报和兑现"),
        ("p", "第十条　奖励资金每年集中申报一次。企业应当在认定或者复核文件公布之日起6个月内，通过“芜湖市惠企政策兑现平台”提出申请，申报材料见附件。"),
        ("p", "第十一条　县市区经济和信息化局在10个工作日内完成初审，市经济和信息化局会同市财政局审核，审核结果公示7个工作日后拨付资金。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十二条　企业获得奖励后5年内迁出芜湖市的，应当全额退回已获得的奖励资金。"),
        ("p", "第十三条　企业通过弄虚作假等方式骗取认定或者奖励资金的，由市财政局追回已拨付资金，取消其3年内享受市级产业扶持政策的资格，并记入企业信用档案；涉嫌犯罪的，移送司法机关依法处理。"),
        ("chapter", "第六章　附则"),
        ("p", "第十四条　本办法由市经济和信息化局、市财政局负责解释。"),
        ("p", "第十五条　本办法自2025年6月1日起施行，有效期3年。"),
        ("p", "联系人：市经济和信息化局中小企业科　王女士，咨询电话：0553-3996218"),
        ("p", "附件：芜湖市专精特新中小企业梯度培育奖励申报材料清单"),
        ("sign", "芜湖市经济和信息化局　　芜湖市财政局"),
        ("date", "2025年5月20日"),
        ("note", "（此件公开发布）"),
        ("pagebreak",),
        ("attach", "附件"),
        ("subtitle", "芜湖市专精特新中小企业梯度培育奖励申报材料清单"),
        ("table", "",
         ["序号", "材料名称", "提交要求", "适用奖励类型"],
         [["1", "奖励资金申请表", "加盖企业公章", "全部奖励类型"],
          ["2", "营业执照复印件", "加盖企业公章", "全部奖励类型"],
          ["3", "认定或者复核通过文件", "正式发文或者公示名单", "认定奖励、复核奖励"],
          ["4", "上年度财务审计报告", "由会计师事务所出具", "营业收入突破奖励"],
          ["5", "上年度企业所得税年度纳税申报表", "税务机关受理回执", "全部奖励类型"],
          ["6", "信用承诺书", "法定代表人签字并加盖公章", "全部奖励类型"]]),
    ],
}

# ---------------------------------------------------------------------------
# DOC 15  南通  政府采购支持中小企业  (html, 文号 in the meta info table)
# ---------------------------------------------------------------------------
DOC15 = {
    "file": "doc15.html",
    "city": "南通",
    "topic": "政府采购支持中小企业",
    "site": {
        "name": "南通市人民政府",
        "domain": "www.nantong.gov.cn",
        "host_office": "南通市人民政府办公室",
        "phone": "0513-85099711",
        "icp": "苏ICP备05016251号-1",
        "police": "苏公网安备 32060202000421号",
        "sitecode": "3206000029",
        "column": "部门文件",
        "index_no": "014190562/2025-00427",
        "pubtime": "2025-08-15 16:30",
        "source": "市财政局",
        "keywords": "政府采购,中小企业,预留份额,价格扣除,政采贷",
        "theme": ("#0a5a9c", "#1a73c1", "#06406f"),
        "related": [
            "南通市政府采购意向公开工作规程",
            "关于做好2025年度政府采购预算编制工作的通知",
            "南通市政府采购代理机构监督评价办法",
            "南通市“政采贷”业务操作指引",
            "关于公布南通市政府采购信用融资合作银行的公告",
        ],
        # information-disclosure table in place of the usual meta box
        "meta_table": [
            ("索 引 号", "014190562/2025-00427"), ("主题分类", "财政、审计\\政府采购"),
            ("发文机关", "南通市财政局"), ("文　　号", "通财购〔2025〕6号"),
            ("成文日期", "2025年8月12日"), ("发布日期", "2025年8月15日"),
            ("有 效 性", "有效"), ("公开方式", "主动公开"),
        ],
    },
    "title": "南通市财政局关于印发《南通市政府采购支持中小企业若干措施》的通知",
    "blocks": [
        ("issuer", "南通市财政局"),
        ("p", "各县（市、区）财政局，南通开发区、苏锡通园区、通州湾示范区财政部门，市各有关单位、各采购代理机构："),
        ("p", "为贯彻落实《政府采购促进中小企业发展管理办法》（财库〔2020〕46号），进一步发挥政府采购政策功能，降低中小企业参与政府采购活动的成本，现将《南通市政府采购支持中小企业若干措施》印发给你们，请遵照执行。"),
        ("subtitle", "南通市政府采购支持中小企业若干措施"),
        ("chapter", "第一章　一般规定"),
        ("p", "第一条　本措施适用于我市各级国家机关、事业单位和团体组织使用财政性资金开展的政府采购活动。本措施所称中小企业，是指符合《中小企业划型标准规定》的中型、小型和微型企业，监狱企业和残疾人福利性单位视同小型、微型企业。"),
        ("p", "第二条　采购人应当在编制政府采购预算时同步编制面向中小企业的预留份额，并在采购意向公开时予以注明。"),
        ("chapter", "第二章　预留份额和价格评审优惠"),
        ("p", "第三条　采购限额标准以上，200万元以下的货物和服务采购项目、400万元以下的工程采购项目，适宜由中小企业提供的，采购人应当专门面向中小企业采购。"),
        ("p", "第四条　超过200万元的货物和服务采购项目、超过400万元的工程采购项目中适宜由中小企业提供的，预留该部分采购项目预算总额的45%以上专门面向中小企业采购，其中预留给小微企业的比例不低于70%。"),
        ("p", "第五条　对未预留份额专门面向中小企业采购的项目，以及预留份额项目中的非预留部分，对小微企业报价给予价格扣除，用扣除后的价格参加评审：货物和服务项目扣除比例为20%，工程项目扣除比例为5%。大中型企业与小微企业组成联合体投标，小微企业协议合同金额占联合体协议合同总金额30%以上的，对联合体报价给予6%的扣除。"),
        ("chapter", "第三章　合同履约和资金支付"),
        ("p", "第六条　采购人应当在政府采购合同中约定预付款。预付款比例和履约保证金收取比例按照合同金额分档确定："),
        ("table", "南通市政府采购合同预付款和履约保证金标准",
         ["档次", "政府采购合同金额", "预付款比例", "履约保证金收取比例"],
         [["第一档", "100万元以下", "不低于合同金额的50%", "免收"],
          ["第二档", "100万元（含）—500万元", "不低于合同金额的40%", "不超过合同金额的1%"],
          ["第三档", "500万元（含）—2000万元", "不低于合同金额的30%", "不超过合同金额的2%"],
          ["第四档", "2000万元（含）以上", "不低于合同金额的20%", "不超过合同金额的3%"]]),
        ("p", "第七条　本市政府采购项目一律免收投标保证金。采购人应当自收到发票之日起10个工作日内完成资金支付，不得以机构变动、人员更替、政策调整等为由延迟付款。"),
        ("p", "第八条　中标（成交）的中小企业可以凭政府采购合同向合作银行申请“政采贷”信用融资，无需抵押担保，融资额度最高不超过合同金额的90%，贷款利率不高于同期一年期贷款市场报价利率（LPR）加50个基点。"),
        ("chapter", "第四章　监督管理"),
        ("p", "第九条　供应商提供虚假的中小企业声明函谋取政府采购政策优惠的，其中标（成交）结果无效，由财政部门处以采购金额千分之五以上千分之十以下的罚款，列入不良行为记录名单，在一至三年内禁止参加政府采购活动；有违法所得的，并处没收违法所得。"),
        ("p", "第十条　采购人未按规定预留份额或者拖欠中小企业款项的，由财政部门责令限期改正，并在全市范围内通报；情节严重的，纳入年度政府采购监督检查和绩效评价扣分事项。"),
        ("chapter", "第五章　附则"),
        ("p", "第十一条　本措施由南通市财政局负责解释。"),
        ("p", "第十二条　本措施自2025年9月1日起施行，有效期至2028年8月31日。"),
        ("p", "咨询电话：0513-85098621（市财政局政府采购监督管理处）"),
        ("sign", "南通市财政局"),
        ("date", "2025年8月12日"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 16  洛阳  科技成果转化和技术转移奖补  (html)
# ---------------------------------------------------------------------------
DOC16 = {
    "file": "doc16.html",
    "city": "洛阳",
    "topic": "科技成果转化和技术转移奖补",
    "site": {
        "name": "洛阳市人民政府",
        "domain": "www.ly.gov.cn",
        "host_office": "洛阳市人民政府办公室",
        "phone": "0379-63308110",
        "icp": "豫ICP备05016137号-1",
        "police": "豫公网安备 41030202000128号",
        "sitecode": "4103000021",
        "column": "部门文件",
        "index_no": "11410300MB0X27315N/2025-01386",
        "pubtime": "2025-09-22 09:40",
        "source": "市科技局",
        "keywords": "科技成果转化,技术合同,技术转移,技术经理人",
        "theme": ("#0d6e5c", "#12876f", "#0a4d40"),
        "related": [
            "洛阳市技术合同认定登记工作规程",
            "关于组织申报2025年度洛阳市科技计划项目的通知",
            "洛阳市新型研发机构认定和绩效评价办法",
            "洛阳市技术经理人队伍建设实施方案",
            "关于公布2025年洛阳市技术转移示范机构名单的通知",
        ],
    },
    "title": "关于印发《洛阳市促进科技成果转化和技术转移奖补办法》的通知",
    "blocks": [
        ("issuer", "洛阳市科学技术局　洛阳市财政局"),
        ("docno", "洛科〔2025〕35号"),
        ("p", "各县区科技主管部门、财政局，洛阳高新区、洛阳经开区有关部门，各高校、科研院所，各有关企业："),
        ("p", "为加快科技成果向现实生产力转化，活跃全市技术交易市场，现将《洛阳市促进科技成果转化和技术转移奖补办法》印发给你们，请结合实际认真贯彻执行。"),
        ("sign", "洛阳市科学技术局　　洛阳市财政局"),
        ("date", "2025年9月18日"),
        ("subtitle", "洛阳市促进科技成果转化和技术转移奖补办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为深入实施创新驱动发展战略，促进高校、科研院所和企业的科技成果在洛阳转化落地，根据《中华人民共和国促进科技成果转化法》和省有关规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称技术合同，是指在洛阳市技术合同认定登记机构登记的技术开发、技术转让、技术许可、技术咨询和技术服务合同。本办法所称实际到账额，是指技术输出方上年度实际收到的技术交易款项，以银行入账凭证和发票为准。"),
        ("p", "第三条　市科技局负责奖补的组织实施，市财政局负责资金保障。奖补资金从市级科技创新专项资金中列支。"),
        ("chapter", "第二章　奖补对象和标准"),
        ("p", "第四条　对在洛阳注册的企业、高校、科研院所和新型研发机构作为技术输出方的，按照其上年度登记技术合同实际到账额分档给予奖补："),
        ("table", "洛阳市技术输出方奖补标准",
         ["奖补档次", "上年度登记技术合同实际到账额", "奖补比例", "单个单位年度最高奖补"],
         [["第一档", "100万元（含）—500万元", "3%", "10万元"],
          ["第二档", "500万元（含）—2000万元", "2.5%", "40万元"],
          ["第三档", "2000万元（含）—5000万元", "2%", "80万元"],
          ["第四档", "5000万元（含）以上", "1.5%", "150万元"]]),
        ("p", "奖补金额按照实际到账额乘以对应档次的奖补比例计算，超过单个单位年度最高奖补的按最高额核定。上年度技术合同实际到账额不足100万元的，不予奖补。"),
        ("p", "第五条　对在洛阳注册的企业作为技术吸纳方购买技术成果并在本市实施转化的，按照技术合同实际支付额的10%给予补助，单个企业年度补助最高50万元；吸纳省外高校、科研院所技术成果的，补助比例提高至15%，单个企业年度补助最高100万元。"),
        ("p", "第六条　对新获批的国家技术转移示范机构给予一次性奖励50万元，对新获批的省级技术转移示范机构给予一次性奖励20万元。技术经理人促成技术合同在本市登记的，按照合同实际到账额的1%给予奖励，个人年度奖励最高10万元。"),
        ("p", "第七条　高校、科研院所转化职务科技成果的，应当从转化收入中提取不低于70%的比例，用于奖励成果完成人和为成果转化作出重要贡献的人员。"),
        ("p", "第八条　下列技术合同不纳入奖补范围："),
        ("p", "（一）合同双方存在控股、参股等关联关系的；"),
        ("p", "（二）单项合同成交额不足10万元的；"),
        ("p", "（三）以拆分合同等方式重复登记的；"),
        ("p", "（四）同一合同已享受其他市级财政资金支持的。"),
        ("chapter", "第三章　申报和审核"),
        ("p", "第九条　奖补每年申报一次。申报单位于每年4月1日至4月30日通过“洛阳市科技创新公共服务平台”提交申请表、技术合同登记证明、银行入账凭证、发票和信用承诺书。"),
        ("p", "第十条　县区科技主管部门在15个工作日内完成初审，市科技局委托第三方机构审核，审核结果在市科技局门户网站公示7个工作日。公示无异议的，由市财政局拨付奖补资金。"),
        ("chapter", "第四章　监督管理"),
        ("p", "第十一条　以虚构技术合同、拆分合同、关联方循环交易等方式骗取奖补资金的，由市科技局会同市财政局追回已拨付资金，5年内取消其申报市级科技计划项目和科技奖补资金的资格，并按规定记入科研诚信严重失信行为记录。技术合同认定登记机构违规登记的，取消其登记资格。"),
        ("chapter", "第五章　附则"),
        ("p", "第十二条　本办法由市科技局、市财政局负责解释。"),
        ("p", "第十三条　本办法自2025年10月1日起施行，有效期3年。"),
        ("p", "咨询电话：0379-63902817（市科技局成果转化与区域创新科）"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 17  惠州  知识产权质押融资扶持  (pdf, table split over a page break,
#                                      multi-line cells)
# ---------------------------------------------------------------------------
DOC17 = {
    "file": "doc17.pdf",
    "city": "惠州",
    "topic": "知识产权质押融资扶持",
    "pdf_col_widths": [3.0, 5.4, 5.0, 2.8],
    "pdf_split_table": True,
    "blocks": [
        ("issuer", "惠州市市场监督管理局　惠州市财政局"),
        ("docno", "惠市监规〔2025〕3号"),
        ("title", "惠州市知识产权质押融资扶持实施细则"),
        ("p", "各县（区）市场监督管理局、财政局，大亚湾开发区、仲恺高新区有关部门，各合作银行、融资担保机构："),
        ("p", "为拓宽中小微企业融资渠道，促进知识产权价值实现，根据国家知识产权局、国家金融监督管理总局关于知识产权质押融资的有关规定，结合我市实际，制定本细则。"),
        ("h2", "第一章　总则"),
        ("p", "第一条　本细则所称知识产权质押融资，是指企业以其合法拥有的有效发明专利、实用新型专利、外观设计专利或者注册商标专用权出质，从合作银行获得贷款的融资方式。"),
        ("p", "第二条　市市场监督管理局负责组织实施和审核，市财政局负责资金保障，市地方金融管理局负责协调合作银行。扶持资金从市级知识产权专项资金中列支，年度总额不超过3000万元。"),
        ("h2", "第二章　扶持标准"),
        ("p", "第三条　对符合本细则第六条规定条件的企业给予贷款贴息、评估费补助、担保费补助、保险费补助和首贷奖励，具体标准见下表。贴息以实际支付的利息为基础，按照不超过一年期贷款市场报价利率（LPR）计算。"),
        ("table", "惠州市知识产权质押融资扶持标准",
         ["扶持项目", "适用情形", "扶持标准", "单户年度最高额度"],
         [["贷款贴息（第一档）", "年度质押贷款额500万元以下", "按实际支付利息的50%给予贴息", "20万元"],
          ["贷款贴息（第二档）", "年度质押贷款额500万元（含）—2000万元", "按实际支付利息的40%给予贴息", "40万元"],
          ["贷款贴息（第三档）", "年度质押贷款额2000万元（含）—5000万元\n超过5000万元的部分不予贴息", "按实际支付利息的30%给予贴息", "60万元"],
          ["评估费补助", "委托资产评估机构对出质知识产权进行价值评估", "按实际发生评估费的50%给予补助", "5万元"],
          ["担保费补助", "通过融资担保机构担保获得质押贷款", "按实际缴纳担保费的60%给予补助\n担保费率超过1.5%的部分不予补助", "10万元"],
          ["保险费补助", "投保知识产权质押融资保证保险", "按实际缴纳保费的50%给予补助", "8万元"],
          ["首贷奖励", "首次获得知识产权质押贷款", "一次性给予奖励", "2万元"]]),
        ("p", "第四条　同一笔贷款贴息期限最长不超过12个月。同一企业年度获得本细则各项扶持资金合计不超过80万元。同一笔贷款已享受其他市级财政贴息的，不得重复申请。"),
        ("p", "第五条　设立知识产权质押融资风险补偿资金池，规模5000万元。合作银行发放的知识产权质押贷款形成不良的，由风险补偿资金池按照本金损失的40%给予补偿，单笔贷款补偿最高200万元。"),
        ("h2", "第三章　支持对象"),
        ("p", "第六条　申请扶持的企业应当同时符合下列条件："),
        ("p", "（一）在惠州市行政区域内注册登记、纳税，属于中小微企业；"),
        ("p", "（二）质押贷款于2025年1月1日以后发放，贷款期限6个月（含）以上，并已在国家知识产权局办理质押登记；"),
        ("p", "（三）按期还本付息，无逾期记录；"),
        ("p", "（四）未被列入严重失信主体名单。"),
        ("p", "第七条　以已失效、权属存在争议或者已被宣告无效的知识产权出质的，不予扶持。"),
        ("h2", "第四章　申报程序"),
        ("p", "第八条　扶持资金每半年申报一次，企业于每年6月和12月通过“惠州市知识产权公共服务平台”提交申请表、借款合同、质押登记通知书、放款及付息凭证、评估报告、担保或者保险合同及缴费凭证。"),
        ("p", "第九条　县（区）市场监督管理部门在10个工作日内完成初审，市市场监督管理局复审，复审结果在市市场监督管理局网站公示5个工作日。公示无异议的，由市财政局拨付资金。"),
        ("h2", "第五章　监督管理"),
        ("p", "第十条　企业以虚构贷款、虚假评估、重复申报等方式骗取扶持资金的，由市市场监督管理局会同市财政局追回已拨付资金，3年内取消其申报市级知识产权扶持项目的资格，并将失信信息推送至市公共信用信息平台。资产评估机构出具虚假评估报告的，2年内不得承接本市知识产权质押融资评估业务。"),
        ("h2", "第六章　附则"),
        ("p", "第十一条　本细则由市市场监督管理局、市财政局负责解释。"),
        ("p", "第十二条　本细则自2025年6月1日起施行，有效期3年。"),
        ("p", "联系人：市市场监督管理局知识产权运用促进科　黄先生，联系电话：0752-2806315"),
        ("sign", "惠州市市场监督管理局　　惠州市财政局"),
        ("date", "2025年5月16日"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 18  台州  孵化器和众创空间绩效评价及奖补  (pdf, multi-line cells)
# ---------------------------------------------------------------------------
DOC18 = {
    "file": "doc18.pdf",
    "city": "台州",
    "topic": "科技企业孵化器和众创空间绩效评价及奖补",
    "pdf_col_widths": [2.6, 3.4, 5.1, 5.1],
    "blocks": [
        ("issuer", "台州市科学技术局　台州市财政局"),
        ("docno", "台科发〔2025〕17号"),
        ("title", "台州市科技企业孵化器和众创空间绩效评价及奖补办法"),
        ("p", "各县（市、区）科技局、财政局，台州湾新区有关部门，各科技企业孵化器、众创空间："),
        ("p", "为提升科技企业孵化器和众创空间（以下统称孵化载体）的专业化服务能力，引导孵化载体由规模扩张向质量提升转变，根据科技部《科技企业孵化器管理办法》和省有关规定，结合我市实际，制定本办法。"),
        ("h2", "第一章　总则"),
        ("p", "第一条　本办法适用于经市级以上科技主管部门认定或者备案、运营满1年的科技企业孵化器和众创空间。"),
        ("p", "第二条　绩效评价每年开展一次，评价上一年度运营情况，由市科技局委托第三方机构组织实施。"),
        ("h2", "第二章　评价内容和程序"),
        ("p", "第三条　绩效评价实行百分制，评价指标包括孵化服务能力（25分）、在孵企业成长情况（35分）、毕业企业和创业带动（20分）、运营管理和可持续发展（20分）四个方面。"),
        ("p", "第四条　孵化载体应当于每年4月30日前通过“台州科技大脑”提交上年度运营报告、在孵企业名册、孵化服务合同和财务报表等自评材料。第三方机构采取材料审查与现场核查相结合的方式评分，评价结果经市科技局审定后公示7个工作日。"),
        ("p", "第五条　有下列情形之一的，评价结果直接确定为不合格："),
        ("p", "（一）科技企业孵化器上年度在孵企业数量少于20家，或者众创空间上年度服务创业团队和初创企业少于10个的；"),
        ("p", "（二）孵化场地用于非孵化用途的面积超过总面积20%的；"),
        ("p", "（三）发生重大安全事故或者拒不接受绩效评价的。"),
        ("h2", "第三章　奖补标准"),
        ("p", "第六条　根据绩效评价结果，对评价等次为优秀、良好的孵化载体，按照其认定（备案）级别给予运营奖补，具体标准如下："),
        ("table", "台州市孵化载体绩效评价奖补标准",
         ["评价等次", "综合得分", "科技企业孵化器奖补", "众创空间奖补"],
         [["优秀", "90分（含）以上", "国家级：100万元\n省级：60万元\n市级：30万元", "国家级：50万元\n省级：30万元\n市级：15万元"],
          ["良好", "80分（含）—90分", "国家级：60万元\n省级：40万元\n市级：20万元", "国家级：30万元\n省级：20万元\n市级：10万元"],
          ["合格", "60分（含）—80分", "不予奖补", "不予奖补"],
          ["不合格", "60分以下", "不予奖补，限期整改", "不予奖补，限期整改"]]),
        ("p", "第七条　对新认定（备案）的孵化载体给予一次性奖励：国家级科技企业孵化器200万元，省级科技企业孵化器100万元；国家级众创空间50万元，省级众创空间30万元。由低级别晋升为高级别的，按照差额给予奖励。"),
        ("p", "第八条　孵化载体的在孵企业上年度新认定为国家高新技术企业的，按照每家5万元给予孵化载体奖励，单个孵化载体年度最高50万元。"),
        ("p", "第九条　奖补资金主要用于孵化载体改善孵化条件、开展创业辅导和投融资服务，不得用于发放人员工资福利和偿还债务。"),
        ("h2", "第四章　动态管理"),
        ("p", "第十条　市级孵化载体连续2年评价为不合格的，撤销其市级认定（备案）资格；国家级、省级孵化载体评价为不合格的，由市科技局提请上级科技主管部门予以处理。"),
        ("p", "第十一条　孵化载体以虚报在孵企业数量、虚构孵化服务、伪造财务数据等方式骗取奖补资金的，由市科技局会同市财政局追回已拨付资金，撤销其市级认定（备案）资格，3年内不得申报市级科技计划项目和奖补资金，并记入科研诚信记录。"),
        ("h2", "第五章　附则"),
        ("p", "第十二条　本办法由市科技局、市财政局负责解释。"),
        ("p", "第十三条　本办法自2025年7月1日起施行，有效期至2029年6月30日。原《台州市科技企业孵化器认定和管理办法》中有关奖补的规定同时停止执行。"),
        ("p", "咨询电话：0576-88512730（市科技局高新技术与成果转化处）"),
        ("sign", "台州市科学技术局　　台州市财政局"),
        ("date", "2025年6月3日"),
    ],
}

DOCS = [DOC13, DOC14, DOC15, DOC16, DOC17, DOC18]


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
# Renderers (copied from evals/documents/build2.py, with the layout variants above)
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
