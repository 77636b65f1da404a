"""/api/v1/documents: list, upload (multipart), replace and delete the knowledge base's documents."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from rag.documents import Change, DocumentInfo, DocumentLibrary
from rag.engine import Engine
from rag.formats import CorpusError
from ui.access import read_access, write_access
from ui.middleware import request_id_of


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


def _engine(request: Request) -> Engine:
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(_engine)]
router = APIRouter(prefix="/api/v1", tags=["documents"])
WRITE = [Depends(write_access)]  # changing the knowledge base always needs a valid API key


@router.get("/documents", response_model=DocumentList, summary="列出知识库中的文档及其元数据", dependencies=[Depends(read_access)])
def list_documents(engine: EngineDep) -> DocumentList:
    return DocumentList(documents=[DocumentOut.of(d) for d in DocumentLibrary(engine).documents()], kb_version=engine.kb_version)


@router.post("/documents", response_model=DocumentChange, summary="上传文档（multipart，需 API 密钥）；带 replace=true 时替换同编号文档",
             dependencies=WRITE)
async def upload_document(
    request: Request, engine: EngineDep, file: UploadFile, id: Annotated[str, Form()] = "",  # noqa: A002
    replace: Annotated[bool, Form()] = False, title: Annotated[str, Form()] = "", issuer: Annotated[str, Form()] = "",
    number: Annotated[str, Form()] = "", issued: Annotated[str, Form()] = "", validity: Annotated[str, Form()] = "",
    region: Annotated[str, Form()] = "",
) -> DocumentChange | JSONResponse:
    meta = {"title": title, "issuer": issuer, "number": number, "issued": issued, "validity": validity, "region": region}
    name = Path(file.filename or "upload").name
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(await file.read())
        library = DocumentLibrary(engine)
        try:
            if replace:
                change: Change = await run_in_threadpool(library.replace, id, path, meta=meta)
            else:
                change = await run_in_threadpool(library.add, path, doc_id=id, meta=meta)
        except CorpusError as exc:
            return _error(request, exc)
    r = change.report
    return DocumentChange(document=DocumentOut.of(change.doc), kb_version=r.kb_version, embedded=r.embedded,
                          removed=r.removed, changed=r.changed)


@router.delete("/documents/{doc_id}", response_model=DocumentChange, summary="删除文档（需 API 密钥）", dependencies=WRITE)
def delete_document(doc_id: str, request: Request, engine: EngineDep) -> DocumentChange | JSONResponse:
    try:
        r = DocumentLibrary(engine).remove(doc_id)
    except CorpusError as exc:
        return _error(request, exc)
    return DocumentChange(document=None, kb_version=r.kb_version, embedded=r.embedded, removed=r.removed, changed=r.changed)


def _error(request: Request, exc: CorpusError) -> JSONResponse:
    missing = str(exc).startswith("文档不存在")
    code, status = ("unknown_document", 404) if missing else ("bad_document", 422)
    return JSONResponse({"code": code, "message": str(exc), "request_id": request_id_of(request.scope)}, status_code=status)
