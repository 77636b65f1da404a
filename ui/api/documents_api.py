"""/api/v1/documents and /api/v1/jobs: list, upload (multipart), replace and delete documents, re-ingest the
corpus; long changes can run as background jobs whose progress is polled."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from rag.core.progress import Progress
from rag.engine import Engine, IngestReport
from rag.index.kb import WriteFailed
from rag.index.store import StoreUnavailable
from rag.ingest.documents import DocumentInfo, DocumentLibrary
from rag.ingest.formats import CorpusError
from ui.api.access import read_access, write_access
from ui.api.jobs import Job, JobBoard, JobFailed, JobsFull
from ui.api.middleware import error_payload, request_id_of

JOB_LIMIT = 100


class DocumentOut(BaseModel):
    id: str
    title: str = ""
    issuer: str = Field(default="", description="发文机关")
    number: str = Field(default="", description="文号")
    issued: str = Field(default="", description="发文日期")
    validity: str = Field(default="", description="有效期")
    region: str = ""
    source: str = Field(default="", description="源文件")
    chunks: int

    @classmethod
    def of(cls, d: DocumentInfo) -> DocumentOut:
        fields = {k: d.meta.get(k, "") for k in ("title", "issuer", "number", "issued", "validity", "region", "source")}
        return cls(id=d.id, chunks=d.chunks, **fields)


class DocumentList(BaseModel):
    documents: list[DocumentOut]
    kb_version: str


class DocumentChange(BaseModel):
    document: DocumentOut | None
    kb_version: str
    embedded: int = Field(description="本次新向量化的片段数（未变化的片段不重复向量化）")
    removed: int
    changed: bool

    @classmethod
    def of(cls, report: IngestReport, doc: DocumentInfo | None = None) -> DocumentChange:
        return cls(document=DocumentOut.of(doc) if doc else None, kb_version=report.kb_version, embedded=report.embedded,
                   removed=report.removed, changed=report.changed)


class JobAccepted(BaseModel):
    job_id: str
    status_url: str = Field(description="查询任务状态与进度的地址（GET）")


class JobError(BaseModel):
    code: str
    message: str = Field(description="中文说明")


class JobOut(BaseModel):
    id: str
    kind: str = Field(description="upload 上传、replace 替换、ingest 重新导入语料")
    state: Literal["queued", "running", "done", "failed"] = Field(description="queued 排队、running 进行中、done 完成、failed 失败")
    stage: str = Field(description="当前阶段：parse 解析文档、embed 向量化、commit 更新索引（排队时为空）")
    done: int = Field(description="当前阶段已完成的数量（文档数或片段数）")
    total: int = Field(description="当前阶段的总数")
    percent: float = Field(description="整个任务的进度，0–100")
    message: str = Field(description="中文进度说明")
    result: DocumentChange | None = Field(description="完成后的结果，与同步上传的响应相同")
    error: JobError | None = Field(description="失败时的错误")

    @classmethod
    def of(cls, job: Job) -> JobOut:
        return cls.model_validate(asdict(job))


_RESULT = {"document": {"id": "rd-subsidy", "title": "遵义市人民政府办公室关于开展企业研发投入后补助工作的通知",
                        "issuer": "遵义市人民政府办公室", "number": "遵府办发〔2023〕35号", "issued": "2023-09-01",
                        "validity": "", "region": "", "source": "rd-subsidy.html", "chunks": 7},
           "kb_version": "9c41d07e2b5a", "embedded": 7, "removed": 0, "changed": True}
_PLAN = {"id": "zunyi-sti-plan", "title": "遵义市“十四五”科技创新发展规划", "issuer": "", "number": "", "issued": "",
         "validity": "", "region": "贵州省遵义市", "source": "zunyi-sti-plan-2021-2025.txt", "chunks": 140}
_LIST = {"documents": [_PLAN, _RESULT["document"]], "kb_version": "9c41d07e2b5a"}
_REMOVED = {"document": None, "kb_version": "1d191b94923f", "embedded": 0, "removed": 7, "changed": True}
_JOB = {"id": "5d0c6f1e9a2b4c7d8e3f1a2b3c4d5e6f", "kind": "upload", "result": None, "error": None}
_JOB_EXAMPLES = {
    "queued": {"summary": "排队中", "value": {**_JOB, "state": "queued", "stage": "", "done": 0, "total": 0, "percent": 0.0,
                                            "message": "排队中：等待前一个知识库变更完成。"}},
    "running": {"summary": "进行中", "value": {**_JOB, "state": "running", "stage": "embed", "done": 64, "total": 412,
                                             "percent": 23.2, "message": "向量化 64/412"}},
    "done": {"summary": "完成", "value": {**_JOB, "state": "done", "stage": "commit", "done": 1, "total": 1, "percent": 100.0,
                                        "message": "已完成。", "result": _RESULT}},
    "failed": {"summary": "失败", "value": {**_JOB, "state": "failed", "stage": "", "done": 0, "total": 0, "percent": 0.0,
                                          "message": "文档已损坏：rd-subsidy.docx",
                                          "error": {"code": "bad_document", "message": "文档已损坏：rd-subsidy.docx"}}},
}
_ACCEPTED = {"job_id": _JOB["id"], "status_url": f"/api/v1/jobs/{_JOB['id']}"}
_STORAGE: dict[int | str, dict[str, Any]] = {507: {"description": "写入失败（磁盘已满或没有写权限），知识库未改变", "content": {"application/json": {"example": {
    "code": "storage_error", "message": "写入文档目录失败（No space left on device，如磁盘已满或没有写权限）。",
    "request_id": "3f2a9c0e5b7d4e1f"}}}}}
ACCEPTED_RESPONSES: dict[int | str, dict[str, Any]] = {
    **_STORAGE,
    200: {"description": "已完成（wait=true，默认）", "content": {"application/json": {"example": _RESULT}}},
    202: {"model": JobAccepted, "description": "已受理，后台执行（wait=false）；进度见 status_url",
          "content": {"application/json": {"example": _ACCEPTED}}},
}
INGEST_RESPONSES: dict[int | str, dict[str, Any]] = {
    202: {"description": "已受理，后台重新导入；进度见 status_url", "content": {"application/json": {"example": _ACCEPTED}}},
    429: {"description": "未完成的后台任务过多", "content": {"application/json": {"example": {
        "code": "too_many_jobs", "message": "后台任务已满（100 个未完成），请稍后重试。", "request_id": "3f2a9c0e5b7d4e1f"}}}},
}
JOB_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "任务状态", "content": {"application/json": {"examples": _JOB_EXAMPLES}}},
    404: {"description": "任务不存在", "content": {"application/json": {"example": {
        "code": "unknown_job", "message": "任务不存在：5d0c6f1e（任务只保留最近 100 个，服务重启后清空）",
        "request_id": "3f2a9c0e5b7d4e1f"}}}},
}


def _engine(request: Request) -> Engine:
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(_engine)]
router = APIRouter(prefix="/api/v1", tags=["documents"])
WRITE = [Depends(write_access)]  # changing the knowledge base always needs a valid API key


@router.get("/documents", response_model=DocumentList, summary="列出知识库中的文档及其元数据", dependencies=[Depends(read_access)],
            responses={200: {"content": {"application/json": {"example": _LIST}}}})
def list_documents(engine: EngineDep) -> DocumentList:
    return DocumentList(documents=[DocumentOut.of(d) for d in DocumentLibrary(engine).documents()], kb_version=engine.kb_version)


@router.post("/documents", response_model=DocumentChange, dependencies=WRITE, responses=ACCEPTED_RESPONSES,
             summary="上传文档（multipart，需 API 密钥）；replace=true 时替换同编号文档，wait=false 时后台执行并返回任务编号")
async def upload_document(
    request: Request, engine: EngineDep, file: UploadFile, id: Annotated[str, Form()] = "",  # noqa: A002
    replace: Annotated[bool, Form()] = False, title: Annotated[str, Form()] = "", issuer: Annotated[str, Form()] = "",
    number: Annotated[str, Form()] = "", issued: Annotated[str, Form()] = "", validity: Annotated[str, Form()] = "",
    region: Annotated[str, Form()] = "",
    wait: Annotated[bool, Form(description="false：立即返回 202 与任务编号，在后台解析、向量化并更新索引")] = True,
) -> DocumentChange | JSONResponse:
    meta = {"title": title, "issuer": issuer, "number": number, "issued": issued, "validity": validity, "region": region}
    folder = Path(tempfile.mkdtemp(prefix="policy-rag-upload-"))
    path = folder / Path(file.filename or "upload").name
    library = DocumentLibrary(engine)

    def change(progress: Progress | None = None) -> DocumentChange:
        done = (library.replace(id, path, meta=meta, progress=progress) if replace
                else library.add(path, doc_id=id, meta=meta, progress=progress))
        return DocumentChange.of(done.report, done.doc)

    def cleanup() -> None:
        shutil.rmtree(folder, ignore_errors=True)

    try:
        try:
            path.write_bytes(await file.read())
        except OSError as exc:
            raise WriteFailed(f"上传文件无法保存（{exc.strerror or exc}，如磁盘已满）。") from exc
        if not wait:
            return _start(request, "replace" if replace else "upload", change, cleanup)  # the job removes the file
        return await run_in_threadpool(change)
    except CorpusError as exc:
        return _error(request, exc)
    except WriteFailed as exc:
        return _storage_error(request, exc)
    finally:
        if wait:
            cleanup()


@router.delete("/documents/{doc_id}", response_model=DocumentChange, summary="删除文档（需 API 密钥）", dependencies=WRITE,
               responses={200: {"content": {"application/json": {"example": _REMOVED}}}, **_STORAGE})
def delete_document(doc_id: str, request: Request, engine: EngineDep) -> DocumentChange | JSONResponse:
    try:
        return DocumentChange.of(DocumentLibrary(engine).remove(doc_id))
    except CorpusError as exc:
        return _error(request, exc)
    except WriteFailed as exc:
        return _storage_error(request, exc)


@router.post("/ingest", status_code=202, response_model=JobAccepted, dependencies=WRITE, responses=INGEST_RESPONSES,
             summary="重新导入整个语料目录（后台任务，需 API 密钥）：返回任务编号，进度见 /api/v1/jobs/{job_id}")
def ingest(request: Request, engine: EngineDep) -> JSONResponse:
    library = DocumentLibrary(engine)
    return _start(request, "ingest", lambda progress: DocumentChange.of(library.reingest(progress=progress)))


@router.get("/jobs/{job_id}", response_model=JobOut, dependencies=[Depends(read_access)], responses=JOB_RESPONSES,
            summary="查询后台任务：状态（排队、进行中、完成、失败）、当前阶段与进度，完成后附结果")
def get_job(job_id: str, request: Request) -> JobOut | JSONResponse:
    job = _board(request).get(job_id)
    if job is None:
        return _json_error(request, 404, "unknown_job", f"任务不存在：{job_id[:64]}（任务只保留最近 {JOB_LIMIT} 个，服务重启后清空）")
    return JobOut.of(job)


def _start(request: Request, kind: str, change: Callable[[Progress], DocumentChange],
           cleanup: Callable[[], None] = lambda: None) -> JSONResponse:
    """Run `change` as a background job; 202 with where to follow it."""
    def work(progress: Progress) -> dict[str, Any]:
        try:
            return change(progress).model_dump()
        except CorpusError as exc:
            raise JobFailed(_code(exc)[0], str(exc)) from exc
        except StoreUnavailable as exc:
            raise JobFailed("store_unavailable", str(exc)) from exc
        except WriteFailed as exc:
            raise JobFailed("storage_error", str(exc)) from exc

    try:
        job = _board(request).start(kind, work, cleanup=cleanup)
    except JobsFull as exc:
        cleanup()
        return _json_error(request, 429, "too_many_jobs", str(exc))
    url = f"{router.prefix}/jobs/{job.id}"
    return JSONResponse(JobAccepted(job_id=job.id, status_url=url).model_dump(), status_code=202, headers={"Location": url})


def _board(request: Request) -> JobBoard:
    """The app's job board (made by create_app: one per app, so tests with several apps stay apart)."""
    return request.app.state.jobs


def _code(exc: CorpusError) -> tuple[str, int]:
    return ("unknown_document", 404) if str(exc).startswith("文档不存在") else ("bad_document", 422)


def _error(request: Request, exc: CorpusError) -> JSONResponse:
    return _json_error(request, _code(exc)[1], _code(exc)[0], str(exc))


def _storage_error(request: Request, exc: WriteFailed) -> JSONResponse:
    return _json_error(request, 507, "storage_error", str(exc))


def _json_error(request: Request, status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(error_payload(code, message, request_id_of(request.scope)), status_code=status)
